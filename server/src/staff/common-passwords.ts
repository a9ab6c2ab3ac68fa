/**
 * Passwords that attackers try first (STAFF-2). Only those of 12 characters or more matter: shorter
 * ones are refused by the length rule anyway. Sources: the most frequent entries of public breach
 * corpora (English and French), keyboard walks and the names of this product. Compared lower-cased.
 */
const LIST = `
123456789012 1234567890123 12345678901234 123456789123 1234567891011 123123123123 111111111111
000000000000 121212121212 123412341234 123456123456 987654321098 098765432109 147258369147
qwertyuiop12 qwertyuiop123 qwertyuiopas qwertyuiopasdf 1qaz2wsx3edc 1q2w3e4r5t6y qazwsxedcrfv
qwertyqwerty qwerty123456 123456qwerty asdfghjkl123 asdfghjklqwe zxcvbnm12345 1qazxsw23edc
azertyuiop12 azertyuiop123 azertyuiopqs azerty123456 123456azerty azertyazerty azerty123456789
a1z2e3r4t5y6 wxcvbn123456 aqwzsxedcrfv
password1234 password12345 password123456 password1234! password2020 password2021 password2022
password2023 password2024 password2025 password2026 passwordpassword p@ssw0rd1234 passw0rd1234
mypassword123 mypassword1234 thisismypassword letmein12345 letmein123456 changeme1234 changeme12345
welcome12345 welcome123456 welcome2024! iloveyou1234 iloveyou12345 iloveyouiloveyou sunshine1234
football1234 baseball1234 superman1234 princess1234 dragon123456 monkey123456 trustno1trustno1
administrator admin1234567 admin12345678 adminadmin12 administrateur administrator1 rootroot1234
motdepasse12 motdepasse123 motdepasse1234 motdepasse2024 motdepasse2025 motdepasse2026
motdepasse!! monmotdepasse monmotdepasse1 monmotdepasse123 motdepassemotdepasse
bonjour12345 bonjour123456 bonjourbonjour soleil123456 soleilsoleil doudou123456 chouchou1234
marseille123 marseille1234 marseille13013 parisparis12 paris1234567 lyon12345678 toulouse1234
jetaime12345 jetaime123456 jetaimejetaime loulou123456 nicolas12345 thomas123456 camille12345
chocolat1234 vacances2024 vacances2025 printemps2025 automne2025 bienvenue123 bienvenue1234
bienvenue2024 bienvenue2025 bienvenue2026 francefrance france123456 allezlom1234 psgpsgpsg123
consigne1234 consigne12345 consigne2024 consigne2025 consigne2026 consigneconsigne coffrefort123
coffrefort1234 ccas12345678 ccasccasccas association123 association1234 accueil12345 accueil123456
123456789abc abc123456789 abcdefghijkl abcdefghijklm abcd12345678 abcdabcdabcd aaaaaaaaaaaa
azertyazerty1 qwerty1234567 iloveyou2024 starwars1234 pokemon12345 minecraft123 liverpool123
chelsea12345 arsenal12345 manchester12 barcelona123 realmadrid12 michael12345 jennifer1234
jordan232323 computer1234 internet1234 samsung12345 google123456 facebook1234 linkedin1234
`;

export const commonPasswords: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/** A short chunk repeated ("abcabcabcabc", "aaaaaaaaaaaa") or one ascending/descending run of digits or letters. */
function isTrivialPattern(password: string): boolean {
  if (/^(.{1,4})\1+$/u.test(password)) return true;
  const codes = [...password].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return commonPasswords.has(lower) || isTrivialPattern(lower);
}

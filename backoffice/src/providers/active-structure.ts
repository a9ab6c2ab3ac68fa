/**
 * The structure a staff member acts for. It is named on every API request (`X-Structure-Id`) and
 * kept in localStorage so a reload, or the next sign-in on this computer, keeps the same choice.
 */
const key = 'consigne.activeStructureId';

export function getActiveStructureId(): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function setActiveStructureId(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(key, id);
    else window.localStorage.removeItem(key);
  } catch {
    // Private browsing without storage: the choice lasts until the page is reloaded.
  }
}

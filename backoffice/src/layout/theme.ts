import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * Calm and readable: the beneficiary app's teal, a warm off-white page, system fonts, 15 px body
 * text. Every text colour keeps WCAG AA contrast on its background.
 */
const teal = '#17595f';

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    mode: 'light',
    primary: { main: teal, dark: '#0f454a', light: '#3f7c81', contrastText: '#ffffff' },
    secondary: { main: '#1c2629', contrastText: '#ffffff' },
    background: { default: '#f7f6f2', paper: '#ffffff' },
    text: { primary: '#1c2629', secondary: '#4a5a5f' },
    // Darker than MUI's defaults so white text on chips and buttons keeps a 4.5:1 contrast.
    error: { main: '#b3261e', contrastText: '#ffffff' },
    warning: { main: '#8f4a00', contrastText: '#ffffff' },
    info: { main: '#0a5a8a', contrastText: '#ffffff' },
    success: { main: '#1e6b35', contrastText: '#ffffff' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
    fontSize: 15,
    h1: { fontSize: '2rem', fontWeight: 700 },
    h2: { fontSize: '1.5rem', fontWeight: 700 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  sidebar: { width: 240, closedWidth: 56 },
  components: {
    ...defaultLightTheme.components,
    MuiAppBar: { defaultProps: { elevation: 0 }, styleOverrides: { colorSecondary: { backgroundColor: teal } } },
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    MuiTextField: { defaultProps: { variant: 'outlined', margin: 'dense', size: 'medium' } },
  },
};

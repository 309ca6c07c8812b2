import { alpha, createTheme } from '@mui/material/styles';

/** Brand colours, also used outside MUI (charts, the favicon). */
export const brand = {
  primary: '#4338ca',
  primaryDark: '#3730a3',
  ink: '#0f172a',
  // Secondary text: 5.4:1 on the canvas (#f6f7fb), so it passes WCAG AA (4.5:1) everywhere it sits.
  muted: '#5a6679',
  border: '#e2e8f0',
  canvas: '#f6f7fb',
  sidebar: '#0f172a',
} as const;

const fontFamily = ['Inter', 'system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Noto Sans"', '"Helvetica Neue"', 'Arial', 'sans-serif'].join(',');

/** One theme for the portal and the back office (react-admin renders with MUI too). */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: brand.primary, dark: brand.primaryDark, contrastText: '#ffffff' },
    secondary: { main: '#0e7490' },
    success: { main: '#15803d' },
    warning: { main: '#b45309' },
    error: { main: '#b91c1c' },
    info: { main: '#0369a1' },
    text: { primary: brand.ink, secondary: brand.muted },
    background: { default: brand.canvas, paper: '#ffffff' },
    divider: brand.border,
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily,
    fontSize: 14,
    h1: { fontSize: '1.75rem', fontWeight: 700, letterSpacing: '-0.02em' },
    h2: { fontSize: '1.5rem', fontWeight: 700, letterSpacing: '-0.015em' },
    h3: { fontSize: '1.25rem', fontWeight: 650 },
    h4: { fontSize: '1.1rem', fontWeight: 650 },
    h5: { fontSize: '1rem', fontWeight: 650 },
    h6: { fontSize: '0.95rem', fontWeight: 650 },
    subtitle2: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
    overline: { fontWeight: 700, letterSpacing: '0.08em' },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        body: { WebkitFontSmoothing: 'antialiased', MozOsxFontSmoothing: 'grayscale' },
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { borderRadius: 8, paddingInline: 14 } },
    },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: { outlined: { borderColor: brand.border } },
    },
    MuiCard: {
      defaultProps: { variant: 'outlined' },
      styleOverrides: { root: { borderRadius: 12 } },
    },
    MuiTableCell: {
      styleOverrides: {
        head: { fontWeight: 600, color: brand.muted, fontSize: '0.75rem', textTransform: 'uppercase', letterSpacing: '0.04em', backgroundColor: '#f8fafc' },
        root: { borderColor: brand.border },
      },
    },
    MuiTableRow: {
      styleOverrides: { root: { '&.MuiTableRow-hover:hover': { backgroundColor: alpha(brand.primary, 0.035) } } },
    },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
    // A row of filter buttons wider than a phone scrolls inside itself, never the page.
    MuiToggleButtonGroup: { styleOverrides: { root: { maxWidth: '100%', overflowX: 'auto' } } },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiSelect: { defaultProps: { size: 'small' } },
    MuiTooltip: { defaultProps: { arrow: true } },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
  },
});

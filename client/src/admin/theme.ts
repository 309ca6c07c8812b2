import { createTheme } from '@mui/material/styles';
import { brand, theme } from '../shared/theme/theme';

/**
 * The shared theme with the back office's density: staff read wide tables, so cells are a little
 * tighter than in the portal, and the sidebar's active entry is marked in the brand colour.
 */
export const adminTheme = createTheme(theme, {
  components: {
    // The shared theme makes selects small; their labels (read from the FormControl) must match.
    MuiFormControl: { defaultProps: { size: 'small' } },
    MuiTableCell: {
      styleOverrides: {
        sizeSmall: { paddingTop: 10, paddingBottom: 10, paddingLeft: 10, paddingRight: 10 },
      },
    },
    // A record's page never forces the screen wider than a phone: the card (a flex item) may
    // shrink below its content's widest line, which then wraps (long ids break anywhere).
    RaShow: {
      styleOverrides: {
        root: {
          minWidth: 0,
          '& .RaShow-main, & .RaShow-card': { minWidth: 0 },
          '& dd': { minWidth: 0, overflowWrap: 'anywhere' },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderRadius: 8,
          marginLeft: 8,
          marginRight: 8,
          '&.RaMenuItemLink-active': { backgroundColor: '#eef2ff', color: brand.primary, fontWeight: 600, '& .RaMenuItemLink-icon': { color: brand.primary } },
        },
      },
    },
  },
});

/**
 * Opens a notification's link from the portal: portal paths in the app, back-office paths
 * (/admin/…, staff's) with a full page load, since the back office is another app.
 */
export function openNotificationUrl(url: string, navigate: (to: string) => void): void {
  if (url.startsWith('/admin/') || url === '/admin') window.location.assign(url);
  else navigate(url.startsWith('/') ? url : '/');
}

/**
 * Line icons drawn for Consigne (24×24, stroke = currentColor). Decorative: every icon sits next to
 * a visible word, so it is hidden from screen readers. No emoji: old phones draw them differently.
 */
const paths = {
  lock: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11M12 15v2',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.4c2.1.8 3.5 2.8 3.5 5.6',
  camera: 'M3 8h4l2-3h6l2 3h4v11H3zM12 17a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  plus: 'M12 5v14M5 12h14',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14M10 11v6M14 11v6',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  back: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l5 5',
  history: 'M3 12a9 9 0 1 0 3-6.7M3 4v5h5M12 7v5l3 3',
  building: 'M4 21V5l8-2v18M12 8h8v13M2 21h20M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2',
  phone: 'M7 2h10v20H7zM11 18h2',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  archive: 'M3 4h18v4H3zM5 8v12h14V8M10 12h4',
  logout: 'M10 4H5v16h5M15 8l4 4-4 4M19 12H9',
  check: 'M5 12.5l4.5 4.5L19 7',
  close: 'M6 6l12 12M18 6L6 18',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  home: 'M3 11l9-7 9 7M5 10v10h14V10',
  alert: 'M12 3l10 18H2zM12 10v4M12 17.5v.5',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v5M12 7.5v.5',
  offline: 'M3 3l18 18M8.5 8.7A5 5 0 0 0 6 18h11M11 6.1A6 6 0 0 1 18.7 11 4 4 0 0 1 20.6 16',
  user: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7',
  pin: 'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM12 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  page: 'M6 3h12v18H6zM9 8h6M9 12h6',
  // themes
  identite: 'M3 5h18v14H3zM8.5 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5.5 16c.5-1.6 1.6-2.5 3-2.5s2.5.9 3 2.5M14 9h4M14 13h4',
  sante: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  logement: 'M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10',
  ressources: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM15 8.5a4 4 0 1 0 0 7M7.5 11h6M7.5 13.5h6',
  emploi: 'M3 8h18v12H3zM9 8V5h6v3M3 13h18',
  impots: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6M9 16h3',
  famille:
    'M8 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 10a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 20c0-3.3 2.2-5.5 5-5.5s5 2.2 5 5.5M13.5 20c0-2.8 1.1-4.5 2.5-4.5s3 1.7 3 4.5',
  justice: 'M12 3v18M7 21h10M4 7h16M6 7l-3 7a3 3 0 0 0 6 0zM18 7l-3 7a3 3 0 0 0 6 0z',
  vehicule: 'M3 16v-4l2-5h14l2 5v4zM3 16v3h3v-3M18 16v3h3v-3M7 13h.5M16.5 13h.5',
  autre: 'M3 6h7l2 2h9v11H3z',
} as const;

export type IconName = keyof typeof paths;

export function isIconName(name: string): name is IconName {
  return name in paths;
}

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}

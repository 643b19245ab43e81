// The application menu as data. DevTools appear only in a development run.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importReports(): void;
  openDesk(): void;
  about(): void;
}

export function menuTemplate(
  packaged: boolean,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = packaged ? [] : [{ role: 'toggleDevTools' }];
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importReports() },
        {
          label: 'Open desk…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => actions.openDesk(),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...developer,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'About Source Desk', click: () => actions.about() }],
    },
  ];
}

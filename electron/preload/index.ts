// Exposes one object, window.desk, built from the contract's method list. The page never sees
// ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi, DeskEvent } from '../../shared/api.ts';
import { channelOf, EVENT_CHANNEL, METHOD_NAMES } from '../../shared/methods.ts';

const desk = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(channelOf(method), input),
  ]),
) as Omit<DeskApi, 'onEvent'>;

const api: DeskApi = {
  ...desk,
  onEvent(listener: (event: DeskEvent) => void) {
    const handler = (_event: IpcRendererEvent, payload: DeskEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('desk', api);

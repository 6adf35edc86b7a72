import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../contract/bridge';
import type { AppEvent } from '../contract/events';

/** A pipe, not an API: `call` and `onEvent`, nothing else (never the whole ipcRenderer). */
const bridge: Bridge = {
  call: (name, input) => ipcRenderer.invoke('rpc', name, input),
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on('event', handler);
    return () => {
      ipcRenderer.off('event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);

import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A BrowserWindow stand-in: records its options, emits events, tracks visibility. */
export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static nextId = 1;
  readonly options: unknown;
  readonly webContents: { id: number; send: ReturnType<typeof vi.fn>; isDestroyed: () => boolean };
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  loaded: { file?: string; url?: string } = {};

  constructor(options: unknown) {
    super();
    this.options = options;
    this.webContents = { id: FakeBrowserWindow.nextId++, send: vi.fn(), isDestroyed: () => this.destroyed };
    FakeBrowserWindow.instances.push(this);
  }

  loadFile = vi.fn(async (file: string) => void (this.loaded = { file }));
  loadURL = vi.fn(async (url: string) => void (this.loaded = { url }));
  show = vi.fn(() => void ((this.visible = true), (this.focused = true)));
  hide = vi.fn(() => void ((this.visible = false), (this.focused = false)));
  focus = vi.fn(() => void (this.focused = true));
  restore = vi.fn(() => void (this.minimized = false));
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isFocused = () => this.focused;
  isDestroyed = () => this.destroyed;

  /** Like a click on the close button: 'close' may be prevented; otherwise the window goes. */
  userClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return !prevented;
  }
}

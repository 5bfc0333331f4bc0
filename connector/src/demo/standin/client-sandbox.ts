// Runs the browser side of the plugin's forms — UI action client scripts (classic onclick and the
// Workspace client_script_v2), UI page dialogs and onLoad client scripts — unchanged, against fakes
// of what the browser gives them: g_form over the form's values, GlideAjax (answered by the app's
// client-callable script include in the plugin worker), GlideModal with the app's UI pages,
// Workspace g_modal, gsftSubmit and g_scratchpad. What a person does in a dialog (the values typed,
// the button pressed) is part of the input. Not a browser: no DOM beyond the elements of the
// dialog's UI page, no UI policies (the server's data policy still applies on submit).
import vm from 'node:vm';

export interface UiPageSource {
  html: string;
  clientScript: string;
}

export interface DialogInput {
  /** Values typed: by element id on a UI page, by field name in a g_modal. */
  fields?: Record<string, string>;
  /** A button id on a UI page, or "ok" / "cancel". */
  button?: string;
}

export interface ClientRunInput {
  /** The client script (its functions are defined, then `entry` is evaluated). */
  script: string;
  /** e.g. "closeloopCheckTelemetry()" or "onClick(g_form)". */
  entry: string;
  table: string;
  sysId: string;
  /** The form's values (the record plus unsaved edits); g_form changes them in place. */
  form: Record<string, string>;
  dialog?: DialogInput | undefined;
  uiPages: Map<string, UiPageSource>;
  /** A GlideAjax call: the processor's answer. */
  ajax(processor: string, params: Record<string, string>): Promise<string>;
  scratchpad?: Record<string, unknown>;
}

export interface ClientRunResult {
  errorMessages: string[];
  infoMessages: string[];
  /** The action name the form was submitted with, or null. */
  submitted: string | null;
  /** A dialog still open because the input chose nothing in it. */
  dialogOpen: string | null;
  scriptError: string | null;
}

const SETTLE_ROUNDS = 20;

export async function runClientScript(input: ClientRunInput): Promise<ClientRunResult> {
  const result: ClientRunResult = {
    errorMessages: [],
    infoMessages: [],
    submitted: null,
    dialogOpen: null,
    scriptError: null,
  };
  const pending: Promise<unknown>[] = [];
  const track = (promise: Promise<unknown>) => {
    pending.push(promise.catch((error: unknown) => (result.scriptError ??= String(error))));
  };

  const g_form = {
    getValue: (field: string): string => input.form[field] ?? '',
    setValue: (field: string, value: unknown): void => {
      input.form[field] = value === null || value === undefined ? '' : String(value);
    },
    getTableName: (): string => input.table,
    getUniqueValue: (): string => input.sysId,
    addErrorMessage: (message: unknown): void => void result.errorMessages.push(String(message)),
    addInfoMessage: (message: unknown): void => void result.infoMessages.push(String(message)),
    clearMessages: (): void => {
      result.errorMessages.length = 0;
      result.infoMessages.length = 0;
    },
    getFormElement: () => ({ id: `${input.table}.do` }),
    submit: (action?: string): void => {
      result.submitted = action ?? 'sysverb_update';
    },
    save: (): void => {
      result.submitted = 'sysverb_update';
    },
  };

  class GlideAjax {
    private readonly params: Record<string, string> = {};
    constructor(private readonly processor: string) {}
    addParam(name: string, value: unknown): void {
      this.params[String(name)] = value === null || value === undefined ? '' : String(value);
    }
    getXMLAnswer(callback: (answer: string) => void): void {
      track(input.ajax(this.processor, { ...this.params }).then((answer) => callback(answer)));
    }
  }

  // ---- classic dialogs: GlideModal with one of the app's UI pages ----------------------------------
  /** The dialog on screen (at most one). */
  const onScreen: FakeGlideModal[] = [];
  const elements = new Map<string, { value: string; style: Record<string, string> }>();
  const gel = (id: string) => {
    let element = elements.get(id);
    if (!element) {
      element = { value: '', style: {} };
      elements.set(id, element);
    }
    return element;
  };

  class FakeGlideModal {
    private readonly preferences = new Map<string, unknown>();
    constructor(private readonly page: string) {}
    static get(): FakeGlideModal | null {
      return onScreen[0] ?? null;
    }
    setTitle(_title: string): void {}
    setWidth(_width: number): void {}
    setPreference(name: string, value: unknown): void {
      this.preferences.set(name, value);
    }
    getPreference(name: string): unknown {
      return this.preferences.get(name);
    }
    destroy(): void {
      const index = onScreen.indexOf(this);
      if (index >= 0) onScreen.splice(index, 1);
    }
    render(): void {
      const page = input.uiPages.get(this.page);
      if (!page) throw new Error(`GlideModal: no UI page ${this.page}`);
      onScreen.splice(0, onScreen.length, this);
      vm.runInContext(page.clientScript, context, { filename: `sys_ui_page ${this.page}.js` });
      if (!input.dialog?.button) {
        result.dialogOpen = this.page;
        return;
      }
      for (const [id, value] of Object.entries(input.dialog.fields ?? {})) gel(id).value = value;
      const onclick = buttonHandler(page.html, input.dialog.button);
      if (!onclick) throw new Error(`UI page ${this.page} has no button ${input.dialog.button}`);
      vm.runInContext(onclick, context, { filename: `sys_ui_page ${this.page} button.js` });
      if (onScreen.includes(this)) result.dialogOpen = this.page;
    }
  }

  // ---- Workspace dialogs: g_modal ----------------------------------------------------------------
  const g_modal = {
    showFields(config: {
      fields?: { name: string; mandatory?: boolean; value?: string }[];
    }): Promise<unknown> {
      const dialog = input.dialog;
      if (!dialog?.button) {
        result.dialogOpen = 'g_modal';
        return new Promise(() => {});
      }
      if (dialog.button === 'cancel') {
        const refused = Promise.reject(new Error('dialog cancelled'));
        refused.catch(() => undefined);
        return refused;
      }
      const fields = (config.fields ?? []).map((field) => ({
        ...field,
        value: dialog.fields?.[field.name] ?? field.value ?? '',
      }));
      // The dialog does not close on a mandatory field left empty.
      if (fields.some((field) => field.mandatory && String(field.value).trim() === '')) {
        result.dialogOpen = 'g_modal';
        return new Promise(() => {});
      }
      const answer = Promise.resolve({ updatedFields: fields });
      track(answer);
      return answer;
    },
  };

  const context: Record<string, unknown> = {
    window: {},
    g_form,
    g_scratchpad: input.scratchpad ?? {},
    g_modal,
    GlideAjax,
    GlideModal: FakeGlideModal,
    gel,
    gsftSubmit: (_control: unknown, _form: unknown, action: string): void => {
      result.submitted = String(action);
    },
    getMessage: (text: string) => text,
    confirm: () => true,
    alert: () => undefined,
    JSON,
    String,
  };
  vm.createContext(context);
  try {
    vm.runInContext(input.script, context, { filename: 'client script.js' });
    vm.runInContext(input.entry, context, { filename: 'client entry.js' });
    for (let round = 0; round < SETTLE_ROUNDS && pending.length > 0; round++) {
      const batch = pending.splice(0);
      await Promise.all(batch);
      // Callbacks of resolved promises may queue more work (an AJAX answer that submits).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    result.scriptError = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  return result;
}

/** The onclick of the element with this id (or the OK / Cancel button) in a UI page's HTML. */
function buttonHandler(html: string, button: string): string | null {
  const tags = [...html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)];
  for (const [, attributes = '', label = ''] of tags) {
    const id = /\bid="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const onclick = /\bonclick="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const named = id === button;
    const generic =
      (button === 'cancel' && /cancel/i.test(id + label)) || (button === 'ok' && !/cancel/i.test(id + label));
    if ((named || generic) && onclick) return onclick.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return null;
}

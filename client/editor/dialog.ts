// A modal <dialog> for the editor's questions (link, picture, embed, related story): a heading, labelled
// fields with their hints and errors tied to them (aria-describedby, aria-invalid), a polite status line,
// and Insert/Cancel. It lives outside the article form (a form may not hold another), so none of its
// fields are sent with the article. Escape and Cancel close it without changing the story.

let nextId = 0
export const uniqueId = (prefix: string): string => `rich-${prefix}-${++nextId}`

export interface DialogField<E extends HTMLInputElement = HTMLInputElement> {
  readonly input: E
  readonly wrapper: HTMLDivElement
  showError(message: string | null): void
}

export interface DialogOptions {
  title: string
  submitLabel: string
  cancelLabel: string
  className?: string
}

export class EditorDialog {
  readonly dialog: HTMLDialogElement
  readonly form: HTMLFormElement
  readonly content: HTMLDivElement
  readonly actions: HTMLDivElement
  readonly submitButton: HTMLButtonElement
  private readonly status: HTMLParagraphElement
  private readonly problem: HTMLParagraphElement
  private readonly fieldErrors: Array<(message: string | null) => void> = []

  constructor(options: DialogOptions) {
    this.dialog = document.createElement('dialog')
    this.dialog.className = `rich-dialog${options.className ? ` ${options.className}` : ''}`
    const titleId = uniqueId('dialog-title')
    this.dialog.setAttribute('aria-labelledby', titleId)

    this.form = document.createElement('form')
    // The dialog says what is wrong in its own words, next to the field; the browser's bubbles would not.
    this.form.noValidate = true
    const heading = document.createElement('h2')
    heading.id = titleId
    heading.textContent = options.title
    this.content = document.createElement('div')
    this.content.className = 'rich-dialog-content'
    this.problem = document.createElement('p')
    this.problem.className = 'field-error rich-dialog-problem'
    this.problem.setAttribute('role', 'alert')
    this.problem.hidden = true
    this.status = document.createElement('p')
    this.status.className = 'rich-dialog-status'
    this.status.setAttribute('role', 'status')

    this.actions = document.createElement('div')
    this.actions.className = 'form-actions'
    this.submitButton = button(options.submitLabel, 'submit', 'button')
    const cancel = button(options.cancelLabel, 'button', 'button button-secondary')
    cancel.addEventListener('click', () => this.close())
    this.actions.append(this.submitButton, cancel)

    this.form.append(heading, this.content, this.problem, this.status, this.actions)
    this.dialog.append(this.form)
  }

  /** A labelled input with an optional hint; its error, when shown, is read with it. */
  addField(label: string, options: { type?: string, value?: string, hint?: string, inputMode?: string, autocomplete?: string, parent?: HTMLElement } = {}): DialogField {
    const wrapper = document.createElement('div')
    wrapper.className = 'field'
    const input = document.createElement('input')
    input.id = uniqueId('field')
    input.type = options.type ?? 'text'
    if (options.value !== undefined) input.value = options.value
    if (options.inputMode) input.inputMode = options.inputMode
    input.autocomplete = (options.autocomplete ?? 'off') as AutoFill
    const labelElement = document.createElement('label')
    labelElement.htmlFor = input.id
    labelElement.textContent = label
    wrapper.append(labelElement, input)
    const describedBy: string[] = []
    if (options.hint) {
      const hint = document.createElement('p')
      hint.className = 'field-hint'
      hint.id = `${input.id}-hint`
      hint.textContent = options.hint
      wrapper.append(hint)
      describedBy.push(hint.id)
    }
    const error = document.createElement('p')
    error.className = 'field-error'
    error.id = `${input.id}-error`
    error.hidden = true
    wrapper.append(error)
    const describe = (withError: boolean): void => {
      const ids = withError ? [error.id, ...describedBy] : describedBy
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '))
      else input.removeAttribute('aria-describedby')
    }
    describe(false)
    const showError = (message: string | null): void => {
      error.textContent = message ?? ''
      error.hidden = message === null
      wrapper.classList.toggle('has-error', message !== null)
      if (message === null) input.removeAttribute('aria-invalid')
      else input.setAttribute('aria-invalid', 'true')
      describe(message !== null)
    }
    this.fieldErrors.push(showError)
    ;(options.parent ?? this.content).append(wrapper)
    return { input, wrapper, showError }
  }

  /** Says what went wrong with the whole dialog (a failed upload), or clears it. */
  showProblem(message: string | null): void {
    this.problem.textContent = message ?? ''
    this.problem.hidden = message === null
  }

  /** A field's error: shown, and the field focused so its label and the error are read out together. */
  fieldProblem(field: DialogField, message: string): void {
    field.showError(message)
    field.input.focus()
  }

  setStatus(message: string): void {
    this.status.textContent = message
  }

  setBusy(busy: boolean): void {
    this.submitButton.disabled = busy
    this.form.setAttribute('aria-busy', String(busy))
  }

  close(): void {
    if (this.dialog.open) this.dialog.close()
  }

  /**
   * Opens the dialog and resolves when it closes. `submit` runs on Insert (or Enter); it returns true when
   * it is done, and the dialog closes, or false to keep it open after saying what to change.
   */
  run(submit: () => boolean | Promise<boolean>, focus?: HTMLElement): Promise<void> {
    return new Promise((resolve) => {
      this.form.addEventListener('submit', (event) => {
        event.preventDefault()
        if (this.submitButton.disabled) return
        for (const clear of this.fieldErrors) clear(null)
        this.showProblem(null)
        void Promise.resolve(submit()).then((done) => { if (done) this.close() })
      })
      this.dialog.addEventListener('close', () => {
        this.dialog.remove()
        resolve()
      })
      document.body.append(this.dialog)
      this.dialog.showModal()
      focus?.focus()
    })
  }
}

export function button(label: string, type: 'button' | 'submit', className: string): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = type
  element.className = className
  element.textContent = label
  return element
}

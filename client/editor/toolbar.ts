// The formatting toolbar (WAI-ARIA toolbar pattern): one tab stop, the arrow keys, Home and End move
// between its buttons, Escape goes back to the text (Alt-F10 in the text comes here). Every button says
// whether it can apply at the selection (disabled when not) and, for formatting that can be on or off,
// whether it is on (aria-pressed). A click keeps the text's selection and focus.
import type { EditorState } from 'prosemirror-state'
import type { EditorContext } from './context.js'
import type { EditorLabelKey } from './labels.js'

export interface ToolbarItem {
  label: EditorLabelKey
  run: (context: EditorContext) => void
  enabled: (state: EditorState) => boolean
  /** For formatting that is on or off at the selection. */
  active?: (state: EditorState) => boolean
  /** Shown only while it can apply (the table's row and column buttons, inside a table). */
  onlyWhenEnabled?: boolean
  /** Starts a new group of buttons (a gap before it). */
  groupStart?: boolean
}

export class Toolbar {
  readonly element: HTMLDivElement
  private readonly buttons: HTMLButtonElement[]
  private current = 0

  constructor(private readonly context: EditorContext, private readonly items: ToolbarItem[], controls: string) {
    this.element = document.createElement('div')
    this.element.className = 'rich-toolbar'
    this.element.setAttribute('role', 'toolbar')
    this.element.setAttribute('aria-label', context.labels.toolbar)
    this.element.setAttribute('aria-controls', controls)
    this.buttons = items.map((item) => {
      const button = document.createElement('button')
      button.type = 'button'
      button.className = `rich-button rich-button-${item.label}${item.groupStart ? ' rich-group-start' : ''}`
      button.textContent = context.labels[item.label]
      button.tabIndex = -1
      if (item.active) button.setAttribute('aria-pressed', 'false')
      button.addEventListener('mousedown', (event) => event.preventDefault())
      button.addEventListener('click', () => {
        if (!item.enabled(context.view.state)) return
        item.run(context)
      })
      this.element.append(button)
      return button
    })
    this.element.addEventListener('keydown', (event) => this.onKeydown(event))
    this.element.addEventListener('focusin', (event) => {
      const index = this.buttons.indexOf(event.target as HTMLButtonElement)
      if (index >= 0) this.setCurrent(index)
    })
  }

  update(state: EditorState): void {
    this.items.forEach((item, i) => {
      const button = this.buttons[i]!
      const enabled = item.enabled(state)
      button.disabled = !enabled
      if (item.onlyWhenEnabled) button.hidden = !enabled
      if (item.active) button.setAttribute('aria-pressed', String(item.active(state)))
    })
    if (!this.usable(this.current)) this.setCurrent(this.nextUsable(-1, 1) ?? 0)
    else this.setCurrent(this.current)
  }

  /** Alt-F10: the button last used, or the first that can be. */
  focus(): void {
    const index = this.usable(this.current) ? this.current : this.nextUsable(-1, 1)
    if (index !== null) this.buttons[index]!.focus()
  }

  private usable(index: number): boolean {
    const button = this.buttons[index]
    return Boolean(button && !button.disabled && !button.hidden)
  }

  private nextUsable(from: number, step: 1 | -1): number | null {
    const count = this.buttons.length
    for (let n = 1; n <= count; n++) {
      const index = (((from + step * n) % count) + count) % count
      if (this.usable(index)) return index
    }
    return null
  }

  private setCurrent(index: number): void {
    this.current = index
    this.buttons.forEach((button, i) => { button.tabIndex = i === index ? 0 : -1 })
  }

  private onKeydown(event: KeyboardEvent): void {
    let target: number | null = null
    switch (event.key) {
      case 'ArrowRight': case 'ArrowDown': target = this.nextUsable(this.current, 1); break
      case 'ArrowLeft': case 'ArrowUp': target = this.nextUsable(this.current, -1); break
      case 'Home': target = this.nextUsable(-1, 1); break
      case 'End': target = this.nextUsable(this.buttons.length, -1); break
      case 'Escape':
        event.preventDefault()
        this.context.view.focus()
        return
      default: return
    }
    event.preventDefault()
    if (target === null) return
    this.setCurrent(target)
    this.buttons[target]!.focus()
  }
}

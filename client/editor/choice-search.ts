// A search field and its results as a group of radio buttons, for the picture and related-story dialogs:
// the results follow the typing (a pause, then one request; an older answer arriving late is dropped),
// and Enter in the search field searches at once instead of submitting the dialog.
import { uniqueId, type EditorDialog } from './dialog.js'

export interface ChoiceSearchOptions<T> {
  searchLabel: string
  resultsLabel: string
  noResults: string
  searching: string
  failed: string
  search: (query: string, signal: AbortSignal) => Promise<T[]>
  /** What a choice shows: its text and, for pictures, a thumbnail. */
  describe: (item: T) => { text: string, thumbUrl?: string }
  onChoose: (item: T) => void
  initialQuery?: string
  /** The choice already made (editing a related story): listed first and checked. */
  initialChoice?: T | null
}

export interface ChoiceSearch<T> {
  readonly search: HTMLInputElement
  readonly group: HTMLFieldSetElement
  chosen(): T | null
  clearChoice(): void
  /** The group's error, read with it and focused. */
  showError(message: string | null): void
}

const PAUSE_MS = 250

/** Items are told apart by id: each answer brings new objects for the same pictures and stories. */
export function choiceSearch<T extends { id: number }>(dialog: EditorDialog, options: ChoiceSearchOptions<T>): ChoiceSearch<T> {
  const field = dialog.addField(options.searchLabel, { type: 'search', value: options.initialQuery ?? '' })
  const group = document.createElement('fieldset')
  group.className = 'rich-choices'
  const legend = document.createElement('legend')
  legend.textContent = options.resultsLabel
  const status = document.createElement('p')
  status.className = 'field-hint'
  status.setAttribute('role', 'status')
  const error = document.createElement('p')
  error.className = 'field-error'
  error.id = uniqueId('choices-error')
  error.hidden = true
  const list = document.createElement('ul')
  list.className = 'rich-choice-list'
  group.append(legend, status, error, list)
  dialog.content.append(group)

  const name = uniqueId('choice')
  let chosen: T | null = options.initialChoice ?? null
  let items: T[] = chosen ? [chosen] : []
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const render = (): void => {
    list.textContent = ''
    items.forEach((item, index) => {
      const { text, thumbUrl } = options.describe(item)
      const li = document.createElement('li')
      const label = document.createElement('label')
      const radio = document.createElement('input')
      radio.type = 'radio'
      radio.name = name
      radio.value = String(index)
      radio.checked = chosen !== null && item.id === chosen.id
      radio.addEventListener('change', () => {
        if (!radio.checked) return
        chosen = item
        showError(null)
        options.onChoose(item)
      })
      label.append(radio)
      if (thumbUrl) {
        const img = document.createElement('img')
        img.src = thumbUrl
        // The name beside it says which picture it is.
        img.alt = ''
        img.loading = 'lazy'
        label.append(img)
      }
      const span = document.createElement('span')
      span.textContent = text
      label.append(span)
      li.append(label)
      list.append(li)
    })
  }

  const run = async (): Promise<void> => {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    status.textContent = options.searching
    try {
      const found = await options.search(field.input.value.trim(), mine.signal)
      if (controller !== mine) return
      items = found
      // A choice made from an earlier answer stays listed, once: the new answer may hold it as another object.
      const kept = chosen
      if (kept && !items.some((item) => item.id === kept.id)) items = [kept, ...items]
      render()
      status.textContent = found.length ? '' : options.noResults
    } catch {
      if (controller === mine) status.textContent = options.failed
    }
  }

  field.input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), PAUSE_MS)
  })
  field.input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    clearTimeout(timer)
    void run()
  })
  dialog.dialog.addEventListener('close', () => { clearTimeout(timer); controller?.abort() })
  void run()

  const showError = (message: string | null): void => {
    error.textContent = message ?? ''
    error.hidden = message === null
    if (message === null) group.removeAttribute('aria-describedby')
    else group.setAttribute('aria-describedby', error.id)
  }

  return {
    search: field.input,
    group,
    chosen: () => chosen,
    clearChoice() {
      chosen = null
      for (const radio of list.querySelectorAll('input')) radio.checked = false
    },
    showError(message) {
      showError(message)
      if (message !== null) (list.querySelector<HTMLInputElement>('input') ?? field.input).focus()
    }
  }
}

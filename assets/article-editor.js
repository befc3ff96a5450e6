/* global fetch, FormData, URLSearchParams, CustomEvent */
// Article editor enhancements; the form works fully without any of this.
// 1. Live preview of the text, rendered and sanitised by the server exactly as the published page.
// 2. The slug the headline would get, shown as the slug field's placeholder.
// 3. "Publish" reads "Schedule" when the time entered is in the future (site time zone).
// 4. Picking a featured image fills its alt text, caption and credit from the library when empty.
// 5. Tag suggestions for the tag being typed after the last comma.
// 6. Autosave of a saved article into the user's own autosave (never the article itself), with a quiet
//    status line, and a warning before leaving the page with changes that are not saved.
// 7. The desk checks and the search and card previews, updated as you type (the server renders them at
//    every load, preview and save); links to unpublished articles are checked on preview and save only.
(function () {
  'use strict'
  var form = document.getElementById('article-form')
  if (!form || !window.fetch) return
  var field = function (name) { return form.elements.namedItem(name) }
  var csrf = field('_csrf') && field('_csrf').value
  var debounce = function (fn, ms) {
    var timer = null
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms) }
  }

  // 1. Live preview
  var body = field('body')
  var preview = document.getElementById('body-preview')
  var emptyNote = document.querySelector('.preview-empty')
  var lastSent = null
  var refreshPreview = function () {
    if (!body || !preview || body.value === lastSent) return
    lastSent = body.value
    fetch(form.getAttribute('data-preview-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
      body: new URLSearchParams({ body: body.value, _csrf: csrf }).toString()
    })
      .then(function (response) { return response.ok ? response.text() : null })
      // The server renders Markdown with the same sanitiser as published pages: only allowed tags come back.
      .then(function (html) { if (html !== null) { preview.innerHTML = html; if (emptyNote) emptyNote.hidden = true } })
      .catch(function () { /* the Preview button still works */ })
  }
  if (body && preview) {
    body.addEventListener('input', debounce(refreshPreview, 400))
    if (body.value && !preview.innerHTML) refreshPreview()
  }

  // 2. Slug proposal
  var headline = field('headline')
  var slug = field('slug')
  var proposeSlug = function () {
    if (!headline || !slug || slug.value) return
    fetch(form.getAttribute('data-slug-url') + '?text=' + encodeURIComponent(headline.value), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null })
      .then(function (data) {
        if (!data || typeof data.slug !== 'string') return
        slug.placeholder = data.slug
        // The desk checks' search preview shows the address with it (7).
        slug.dispatchEvent(new CustomEvent('slug-proposed'))
      })
      .catch(function () {})
  }
  if (headline && slug) {
    headline.addEventListener('input', debounce(proposeSlug, 300))
    proposeSlug()
  }

  // 3. Publish or schedule
  var publishButton = form.querySelector('button[data-schedule-label]')
  var date = field('publish_date')
  var time = field('publish_time')
  var siteNow = form.getAttribute('data-site-now')
  var loadedAt = Date.now()
  var relabel = function () {
    if (!publishButton || !date || !time || !siteNow) return
    var entered = date.value && time.value ? date.value + 'T' + time.value.slice(0, 5) : ''
    // Both are wall-clock times in the site zone; add the minutes this page has been open.
    var now = new Date(Date.parse(siteNow + ':00Z') + (Date.now() - loadedAt)).toISOString().slice(0, 16)
    publishButton.textContent = entered && entered > now
      ? publishButton.getAttribute('data-schedule-label')
      : publishButton.getAttribute('data-publish-label')
  }
  if (date && time) {
    date.addEventListener('input', relabel)
    time.addEventListener('input', relabel)
    relabel()
  }

  // 4. Featured image details
  var fill = function (name, value) {
    var input = field(name)
    if (input && !input.value && value) input.value = value
  }
  form.addEventListener('change', function (event) {
    var target = event.target
    if (!target || target.name !== 'featured_media_id' || !target.checked) return
    fill('featured_alt', target.getAttribute('data-alt'))
    fill('featured_caption', target.getAttribute('data-caption'))
    fill('featured_credit', target.getAttribute('data-credit'))
  })

  // 5. Tag suggestions after the last comma
  var tags = field('tags')
  var list = document.getElementById('tag-suggestions')
  if (tags && list) {
    var names = Array.prototype.map.call(list.options, function (o) { return o.value })
    tags.addEventListener('input', function () {
      var value = tags.value
      var cut = value.lastIndexOf(',')
      var prefix = cut === -1 ? '' : value.slice(0, cut + 1) + ' '
      var typed = value.slice(cut + 1).trim().toLowerCase()
      var matches = names.filter(function (n) { return typed && n.toLowerCase().indexOf(typed) === 0 }).slice(0, 30)
      list.textContent = ''
      matches.forEach(function (n) {
        var option = document.createElement('option')
        option.value = prefix + n
        list.appendChild(option)
      })
    })
  }

  // 7. Desk checks. The rules are src/domain/desk-checks.ts, repeated here so they follow the typing
  // without a request: keep the two in step. The messages come from the panel's own data-* templates.
  var desk = document.getElementById('desk-checks')
  if (desk) {
    var announce = document.getElementById('desk-announce')
    var language = desk.getAttribute('data-language') || 'en'
    var uiLanguage = desk.getAttribute('data-lang') || 'en'
    var PACE = { en: 230, ru: 185, hy: 185 }
    var wordRun = /\S+/g
    var unspaced = null
    try {
      // Letters, digits and marks, joined by an apostrophe or, between digits, by . , : ("3.5", "13:30").
      wordRun = new RegExp('[\\p{L}\\p{N}\\p{M}]+(?:(?:[\'\u2019]|(?<=\\p{N})[.,:](?=\\p{N}))[\\p{L}\\p{N}\\p{M}]+)*', 'gu')
      unspaced = new RegExp('[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}]', 'u')
    } catch { /* an old browser: words are what spaces separate */ }
    var segmenter = null
    try {
      if (window.Intl && Intl.Segmenter) segmenter = new Intl.Segmenter(language, { granularity: 'word' })
    } catch { segmenter = null }
    var countWords = function (text) {
      var count = 0
      var match
      wordRun.lastIndex = 0
      while ((match = wordRun.exec(text)) !== null) {
        if (segmenter && unspaced && unspaced.test(match[0])) {
          var segments = segmenter.segment(match[0])[Symbol.iterator]()
          for (var step = segments.next(); !step.done; step = segments.next()) if (step.value.isWordLike) count++
        } else {
          count++
        }
      }
      return count
    }
    var markdownText = function (source) {
      return source.replace(/\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '] ').replace(/<[^<>]*>/g, ' ')
    }
    var characters = function (text) { return Array.from ? Array.from(text).length : text.length }
    var truncate = function (text, max) {
      var chars = Array.from ? Array.from(text) : text.split('')
      if (chars.length <= max) return text
      var cut = chars.slice(0, max - 1).join('')
      var space = cut.lastIndexOf(' ')
      return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/\s+$/, '') + '\u2026'
    }
    var number = function (n) {
      try { return new Intl.NumberFormat(uiLanguage).format(n) } catch { return String(n) }
    }
    var attr = function (name) { return Number(desk.getAttribute(name)) }
    var items = {}
    Array.prototype.forEach.call(desk.querySelectorAll('li[data-check]'), function (li) { items[li.getAttribute('data-check')] = li })
    var changes = []
    var setCheck = function (id, level, numbers, urls) {
      var li = items[id]
      var template = li && li.getAttribute('data-' + level)
      if (!li || template === null) return
      var text = template.replace(/\{(\w+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(numbers, name) ? number(numbers[name]) : whole
      })
      var label = announce ? announce.getAttribute('data-level-' + level) : level
      li.querySelector('.desk-text').textContent = text
      li.querySelector('.desk-level').textContent = label
      if (li.getAttribute('data-level') !== level) changes.push(label + ': ' + text)
      li.setAttribute('data-level', level)
      li.className = 'desk-check desk-' + level
      if (urls) {
        var list = li.querySelector('.desk-urls')
        if (list) list.parentNode.removeChild(list)
        if (urls.length) {
          list = document.createElement('ul')
          list.className = 'desk-urls'
          urls.slice(0, 10).forEach(function (url) {
            var item = document.createElement('li')
            var code = document.createElement('code')
            code.textContent = url
            item.appendChild(code)
            list.appendChild(item)
          })
          li.appendChild(list)
        }
      }
    }
    var value = function (name) {
      var input = field(name)
      return input && typeof input.value === 'string' ? input.value : ''
    }
    var setText = function (selector, text) {
      var element = desk.querySelector(selector)
      if (element) element.textContent = text
    }
    var checkDesk = function () {
      var headlineText = value('headline').replace(/\s+/g, ' ').trim()
      var leadText = value('lead').replace(/\s+/g, ' ').trim()
      var source = value('body')
      var words = countWords(markdownText(source))
      var pace = PACE[language.toLowerCase().split('-')[0]] || 200
      setCheck('length', words === 0 ? 'warning' : 'ok', { words: words, minutes: words === 0 ? 0 : Math.max(1, Math.round(words / pace)) })
      var length = characters(headlineText)
      var max = attr('data-headline-max')
      setCheck('headline', length === 0 ? 'problem' : length > max ? 'warning' : 'ok', { length: length, max: max })
      setCheck('lead', leadText === '' ? 'warning' : 'ok', {})
      setCheck('section', value('section_id') === '' ? 'warning' : 'ok', {})
      var image = value('featured_media_id')
      setCheck('featuredAlt', image !== '' && value('featured_alt').trim() === '' ? 'problem' : 'ok', {})
      var missingAlt = (source.match(/!\[\s*\]\(/g) || []).length + (source.match(/<img\b(?![^<>]*\balt="[^"\s])[^<>]*>/gi) || []).length
      setCheck('bodyAlt', missingAlt > 0 ? 'problem' : 'ok', { count: missingAlt })
      var http = []
      ;(source.match(/\bhttp:\/\/[^\s<>()[\]"']+/gi) || []).forEach(function (url) { if (http.indexOf(url) === -1) http.push(url) })
      setCheck('httpLinks', http.length > 0 ? 'warning' : 'ok', { count: http.length }, http)

      var siteName = desk.getAttribute('data-site-name') || ''
      var slugText = value('slug') || (field('slug') && field('slug').placeholder) || ''
      setText('.serp-url', (desk.getAttribute('data-url-base') || '') + (slugText ? slugText + '/' : ''))
      setText('.serp-title', truncate(headlineText ? headlineText + ' \u2014 ' + siteName : siteName, attr('data-title-max')))
      setText('.serp-description', truncate(leadText || headlineText, attr('data-description-max')))
      setText('.social-card-title', headlineText)
      setText('.social-card-description', truncate(leadText || headlineText, attr('data-card-max')))

      // Only a check that changed level is said, once, after typing pauses: never a count per keystroke.
      if (announce && changes.length) announce.textContent = changes.join(' ')
      changes = []
    }
    var deskTimer = null
    var scheduleDesk = function () { clearTimeout(deskTimer); deskTimer = setTimeout(checkDesk, 300) }
    form.addEventListener('input', scheduleDesk)
    form.addEventListener('change', scheduleDesk)
    if (slug) slug.addEventListener('slug-proposed', scheduleDesk)
  }

  // 6. Autosave and the unsaved-changes warning (docs/decisions/008-editor-autosave.md).
  // The form's fields as the autosave endpoint takes them; the picker's search is not part of the article.
  var formFields = function () {
    var fields = {}
    new FormData(form).forEach(function (value, name) {
      if (name === 'media_q' || typeof value !== 'string') return
      fields[name] = Object.prototype.hasOwnProperty.call(fields, name) ? [].concat(fields[name], value) : value
    })
    return fields
  }
  var loaded = JSON.stringify(formFields())
  // A form sent back by the server (an error, a conflict, a restored autosave) holds unsaved text from the start.
  var savedState = form.hasAttribute('data-unsaved') ? null : loaded
  var submitting = false
  var timer = null
  form.addEventListener('submit', function () { submitting = true; clearTimeout(timer) })
  // As in WordPress: leaving with changes the article does not have yet asks first. An autosave does not
  // count as saved: for a published story it never reaches readers.
  window.addEventListener('beforeunload', function (event) {
    if (submitting || JSON.stringify(formFields()) === savedState) return
    event.preventDefault()
    event.returnValue = ''
  })

  // Only a saved article the user may change has data-autosave-url: a new one is autosaved from its first
  // save on (creating a draft nobody asked for, with its revision and audit row, is for the Save button).
  var autosaveUrl = form.getAttribute('data-autosave-url')
  var status = document.getElementById('autosave-status')
  if (!autosaveUrl || !status) return
  // A few seconds after typing stops; never more often than every 15 s, and at least every 30 s while
  // typing goes on: a handful of small requests a minute at most, none while nothing changes.
  var IDLE = 3000
  var MIN_GAP = 15000
  var MAX_WAIT = 30000
  var autosaved = loaded
  var inFlight = false
  var lastAttempt = 0
  var changedSince = 0
  var show = function (text, failed) {
    status.textContent = text
    status.classList.toggle('is-failed', failed)
  }
  var schedule = function () {
    var now = Date.now()
    if (!changedSince) changedSince = now
    var earliest = lastAttempt + MIN_GAP
    var due = Math.min(Math.max(now + IDLE, earliest), Math.max(changedSince + MAX_WAIT, earliest))
    clearTimeout(timer)
    timer = setTimeout(autosave, due - now)
  }
  var autosave = function () {
    if (submitting) return
    var state = JSON.stringify(formFields())
    if (state === autosaved) { changedSince = 0; return }
    if (inFlight) { schedule(); return }
    inFlight = true
    lastAttempt = Date.now()
    changedSince = 0
    fetch(autosaveUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: state
    })
      // Signed out, the answer is the login page: not JSON, so it counts as failed.
      .then(function (response) { return response.ok ? response.json() : null })
      .then(function (data) {
        if (!data || !data.autosave || typeof data.autosave.message !== 'string') throw new Error('not autosaved')
        autosaved = state
        show(data.autosave.message, false)
      })
      .catch(function () {
        show(status.getAttribute('data-failed') || '', true)
        // Try again later: the network or the session may come back, and the text is still unsaved.
        schedule()
      })
      .then(function () { inFlight = false })
  }
  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
})()

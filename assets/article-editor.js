/* global fetch, FormData, URLSearchParams */
// Article editor enhancements; the form works fully without any of this.
// 1. Live preview of the text, rendered and sanitised by the server exactly as the published page.
// 2. The slug the headline would get, shown as the slug field's placeholder.
// 3. "Publish" reads "Schedule" when the time entered is in the future (site time zone).
// 4. Picking a featured image fills its alt text, caption and credit from the library when empty.
// 5. Tag suggestions for the tag being typed after the last comma.
// 6. Autosave of a saved article into the user's own autosave (never the article itself), with a quiet
//    status line, and a warning before leaving the page with changes that are not saved.
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
      .then(function (data) { if (data && typeof data.slug === 'string') slug.placeholder = data.slug })
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

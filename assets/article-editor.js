/* global fetch, URLSearchParams */
// Article editor enhancements; the form works fully without any of this.
// 1. Live preview of the text, rendered and sanitised by the server exactly as the published page.
// 2. The slug the headline would get, shown as the slug field's placeholder.
// 3. "Publish" reads "Schedule" when the time entered is in the future (site time zone).
// 4. Picking a featured image fills its alt text, caption and credit from the library when empty.
// 5. Tag suggestions for the tag being typed after the last comma.
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
})()

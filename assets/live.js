/* global EventSource */
// The live newsfeed (issue 16): follows GET /live and keeps a newsfeed page current without moving what
// the reader is looking at. New stories wait behind a "N new stories — show" button and are inserted at
// the top when it is pressed; a breaking story shows a banner; a withdrawn story leaves the list;
// headlines and comment counts follow edits. Pages without a live newsfeed (data-mode="banner": article,
// tag, search, older days) show the banner alone. Without this script (or EventSource) the page is as served.
(function () {
  'use strict'
  var root = document.querySelector('[data-live]')
  if (!root || typeof EventSource === 'undefined') return
  var data = function (name) { return root.getAttribute('data-' + name) || '' }
  var section = data('section')
  var bannerOnly = data('mode') === 'banner'
  var plurals = new Intl.PluralRules(data('lang') || 'en')
  var pending = []
  var needsReload = false

  function plural(name, count) {
    var text = root.getAttribute('data-' + name + '-' + (count === 0 ? 'zero' : plurals.select(count))) || data(name + '-other')
    return text.replace('{count}', String(count))
  }

  // The newsfeed itself, not the front page's pinned stories above it (new stories go into the newsfeed).
  function list() { return document.querySelector('ul.newsfeed:not(.pinned-stories)') }
  // A story's lines: a pinned story is listed twice on the front page, and both follow its changes.
  function entries(id) { return Array.prototype.slice.call(document.querySelectorAll('li.story[data-article-id="' + Number(id) + '"]')) }
  function entry(id) { return entries(id)[0] || null }

  // The notice and the banner sit in live regions, so screen readers hear them without losing their place.
  var notice = document.createElement('div')
  notice.className = 'live-notice'
  notice.setAttribute('role', 'status')
  var button = document.createElement('button')
  button.type = 'button'
  button.hidden = true
  notice.appendChild(button)
  var banner = document.createElement('div')
  banner.className = 'live-banner'
  banner.setAttribute('role', 'alert')
  banner.hidden = true
  if (!bannerOnly) root.parentNode.insertBefore(notice, root)
  root.parentNode.insertBefore(banner, root)

  function showNotice() {
    var count = pending.length
    if (count === 0 && !needsReload) { button.hidden = true; return }
    button.textContent = count > 0 ? plural('new', count) : data('latest')
    button.hidden = false
  }

  /** Keeps the element the reader is looking at where it is while `change` adds or removes lines above it. */
  function keepingPlace(change) {
    var anchor = null
    var items = document.querySelectorAll('li.story')
    for (var i = 0; i < items.length; i++) {
      if (items[i].getBoundingClientRect().bottom > 0) { anchor = items[i]; break }
    }
    var before = anchor ? anchor.getBoundingClientRect().top : 0
    change()
    if (anchor && anchor.isConnected) window.scrollBy(0, anchor.getBoundingClientRect().top - before)
  }

  function storyLine(story) {
    var li = document.createElement('li')
    li.className = story.breaking ? 'story breaking' : 'story'
    li.setAttribute('data-article-id', String(story.id))
    var time = document.createElement('time')
    time.setAttribute('datetime', story.datetime || story.publishedAt)
    time.textContent = story.time
    li.appendChild(time)
    li.appendChild(document.createTextNode(' '))
    if (story.breaking) {
      var mark = document.createElement('strong')
      mark.className = 'breaking-mark'
      mark.textContent = data('breaking-mark')
      li.appendChild(mark)
      li.appendChild(document.createTextNode(' '))
    }
    var link = document.createElement('a')
    link.href = story.url
    link.textContent = story.headline
    li.appendChild(link)
    return li
  }

  button.addEventListener('click', function () {
    var ul = list()
    if (needsReload || !ul) { window.location.reload(); return }
    var first = null
    // Newest first, like the list itself.
    pending.sort(function (a, b) { return a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.id - a.id })
    pending.forEach(function (story) {
      if (entry(story.id)) return
      var li = storyLine(story)
      ul.insertBefore(li, first ? first.nextSibling : ul.firstChild)
      first = li
    })
    pending = []
    showNotice()
    var top = ul.querySelector('li.story a')
    if (top) top.focus()
  })

  function showBanner(story) {
    banner.textContent = ''
    var label = document.createElement('strong')
    label.textContent = data('breaking') + ': '
    var link = document.createElement('a')
    link.href = story.url
    link.textContent = story.headline
    var close = document.createElement('button')
    close.type = 'button'
    close.className = 'live-banner-close'
    close.textContent = data('dismiss')
    close.addEventListener('click', function () { banner.hidden = true })
    banner.appendChild(label)
    banner.appendChild(link)
    banner.appendChild(document.createTextNode(' '))
    banner.appendChild(close)
    banner.hidden = false
  }

  function parse(event) {
    try { return JSON.parse(event.data) } catch { return null }
  }

  var source = new EventSource(data('live'))
  source.addEventListener('published', function (event) {
    var story = parse(event)
    if (!story) return
    if (story.breaking) showBanner(story)
    if (bannerOnly || (section && story.section !== section)) return
    if (entry(story.id) || pending.some(function (p) { return p.id === story.id })) return
    pending.push(story)
    showNotice()
  })
  source.addEventListener('breaking', function (event) {
    var story = parse(event)
    if (story) showBanner(story)
  })
  source.addEventListener('updated', function (event) {
    var story = parse(event)
    if (!story) return
    entries(story.id).forEach(function (li) {
      var link = li.querySelector('a')
      if (link) link.textContent = story.headline
    })
    pending.forEach(function (p) { if (p.id === story.id) p.headline = story.headline })
  })
  source.addEventListener('withdrawn', function (event) {
    var story = parse(event)
    if (!story) return
    pending = pending.filter(function (p) { return p.id !== story.id })
    showNotice()
    var lines = entries(story.id)
    if (lines.length) keepingPlace(function () { lines.forEach(function (li) { li.parentNode.removeChild(li) }) })
  })
  source.addEventListener('comments', function (event) {
    var story = parse(event)
    if (!story) return
    entries(story.id).forEach(function (li) {
      var count = li.querySelector('.comment-count')
      if (story.commentCount === 0) { if (count) count.parentNode.removeChild(count); return }
      if (!count) {
        count = document.createElement('span')
        count.className = 'comment-count'
        li.appendChild(document.createTextNode(' '))
        li.appendChild(count)
      }
      count.textContent = plural('comments', story.commentCount)
    })
  })
  // Away too long for the log to say what changed: offer the fresh page instead of guessing.
  source.addEventListener('reload', function () {
    if (bannerOnly) return
    needsReload = true
    showNotice()
  })
})()

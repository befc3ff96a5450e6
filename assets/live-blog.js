/* global EventSource */
// A live blog's page (issue 16): new updates from the article's channel (GET /live?article=<id>) are
// inserted at the top of the list, below pinned ones; a key event also joins the key events' summary
// (oldest first, so at its end); edited updates change in place, deleted ones leave. The list is an
// aria-live region, so screen readers announce what arrives. Without this script the page shows the
// updates it was served with.
(function () {
  'use strict'
  var root = document.querySelector('[data-live-blog]')
  if (!root || typeof EventSource === 'undefined') return
  var list = root.querySelector('.live-updates')
  if (!list) return
  var empty = root.querySelector('.empty')

  function parse(event) {
    try { return JSON.parse(event.data) } catch { return null }
  }

  function keyEventLink(anchor) {
    return root.querySelector('nav.key-events a[href="#' + anchor + '"]')
  }

  /** The summary's list, made (as the server makes it) when the first key event arrives. */
  function keyEventList() {
    var nav = root.querySelector('nav.key-events')
    if (!nav) {
      var label = root.getAttribute('data-key-events') || ''
      nav = document.createElement('nav')
      nav.className = 'key-events'
      nav.setAttribute('aria-label', label)
      var heading = document.createElement('h3')
      heading.textContent = label
      nav.appendChild(heading)
      nav.appendChild(document.createElement('ul'))
      root.insertBefore(nav, root.querySelector('h2').nextSibling)
    }
    return nav.querySelector('ul')
  }

  /** A link to the update's anchor showing its time, as the server draws it in both places. */
  function timeLink(update) {
    var link = document.createElement('a')
    link.href = '#' + update.anchor
    var time = document.createElement('time')
    time.setAttribute('datetime', update.datetime)
    time.textContent = update.time
    link.appendChild(time)
    return link
  }

  function addKeyEvent(update) {
    if (keyEventLink(update.anchor)) return
    var li = document.createElement('li')
    var link = timeLink(update)
    link.appendChild(document.createTextNode(' ' + (update.summary || '')))
    li.appendChild(link)
    keyEventList().appendChild(li)
  }

  var source = new EventSource(root.getAttribute('data-live-blog'))
  source.addEventListener('update', function (event) {
    var update = parse(event)
    if (!update || document.getElementById(update.anchor)) return
    var li = document.createElement('li')
    li.id = update.anchor
    li.className = update.keyEvent ? 'live-update key-event' : 'live-update'
    var meta = document.createElement('p')
    meta.className = 'update-meta'
    meta.appendChild(timeLink(update))
    if (update.keyEvent) {
      var flag = document.createElement('strong')
      flag.className = 'update-flag'
      flag.textContent = root.getAttribute('data-key-event') || ''
      meta.appendChild(document.createTextNode(' '))
      meta.appendChild(flag)
    }
    var body = document.createElement('div')
    body.className = 'update-body'
    // Rendered from Markdown and sanitised by the server at save, like the updates already on the page.
    body.innerHTML = update.html
    li.appendChild(meta)
    li.appendChild(body)
    var firstUnpinned = list.querySelector('.live-update:not(.pinned)')
    list.insertBefore(li, firstUnpinned)
    if (empty) empty.hidden = true
    if (update.keyEvent) addKeyEvent(update)
  })
  source.addEventListener('update-edited', function (event) {
    var update = parse(event)
    var body = update && document.querySelector('#update-' + Number(update.id) + ' .update-body')
    if (body) body.innerHTML = update.html
    var link = update && keyEventLink('update-' + Number(update.id))
    if (link && link.lastChild && link.lastChild.nodeType === 3) link.lastChild.nodeValue = ' ' + (update.summary || '')
  })
  source.addEventListener('update-removed', function (event) {
    var update = parse(event)
    var li = update && document.getElementById('update-' + Number(update.id))
    if (li) li.parentNode.removeChild(li)
    var link = update && keyEventLink('update-' + Number(update.id))
    if (!link) return
    var ul = link.parentNode.parentNode
    ul.removeChild(link.parentNode)
    if (!ul.firstChild) ul.parentNode.parentNode.removeChild(ul.parentNode)
  })
})()

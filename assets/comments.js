/* global fetch */
// Comment form enhancements; the form works without any of this (docs/decisions/003-comment-timing-token.md).
// 1. Fetches the signed timing token into the hidden "ts" field, so the cached page carries none.
// 2. "Save my name, email, and website": remembered in this browser's localStorage only.
// 3. "Reply" moves the form under the comment instead of reloading the page with ?replytocom=.
(function () {
  'use strict'
  var form = document.getElementById('commentform')
  var respond = document.getElementById('respond')
  if (!form || !respond) return
  var field = function (name) { return form.elements.namedItem(name) }
  var STORAGE_KEY = 'lede.commentAuthor'

  // 1. Timing token
  var articleId = field('article_id') && field('article_id').value
  var tsField = field('ts')
  var fetchToken = function () {
    if (!articleId || !tsField || !window.fetch) return
    fetch('/comments/timing.json?article=' + encodeURIComponent(articleId), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null })
      .then(function (data) { if (data && typeof data.token === 'string') tsField.value = data.token })
      .catch(function () { /* without a token the comment waits for a moderator; nothing else breaks */ })
  }
  fetchToken()
  // A page restored from the back-forward cache was "shown" again now.
  window.addEventListener('pageshow', function (event) { if (event.persisted) fetchToken() })

  // 2. Remembered details
  var saveBox = field('save_details')
  var storage = null
  try { storage = window.localStorage } catch { storage = null }
  if (storage && saveBox) {
    try {
      var saved = JSON.parse(storage.getItem(STORAGE_KEY) || 'null')
      if (saved && typeof saved === 'object') {
        ;['author', 'email', 'url'].forEach(function (name) {
          var input = field(name)
          if (input && input.value === '' && typeof saved[name] === 'string') input.value = saved[name]
        })
        saveBox.checked = true
      }
    } catch { storage.removeItem(STORAGE_KEY) }
    form.addEventListener('submit', function () {
      try {
        if (saveBox.checked) {
          storage.setItem(STORAGE_KEY, JSON.stringify({ author: field('author').value, email: field('email').value, url: field('url').value }))
        } else {
          storage.removeItem(STORAGE_KEY)
        }
      } catch { /* storage full or blocked: the comment still goes */ }
    })
  }

  // 3. Replies in place
  var parentField = field('comment_parent')
  var titleText = document.getElementById('reply-title-text')
  var cancelLink = document.getElementById('cancel-comment-reply-link')
  var placeholder = null
  var setTitle = function (text) { if (titleText) titleText.textContent = text }

  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a.comment-reply-link') : null
    if (!link || !parentField) return
    var id = link.getAttribute('data-comment-id')
    var body = document.getElementById('div-comment-' + id)
    if (!id || !body) return
    event.preventDefault()
    if (!placeholder) {
      placeholder = document.createElement('div')
      placeholder.id = 'respond-placeholder'
      placeholder.hidden = true
      respond.parentNode.insertBefore(placeholder, respond)
    }
    body.parentNode.insertBefore(respond, body.nextSibling)
    parentField.value = id
    setTitle(link.getAttribute('data-reply-title') || '')
    if (cancelLink) cancelLink.hidden = false
    var textarea = field('comment')
    if (textarea) textarea.focus()
  })

  if (cancelLink) {
    cancelLink.addEventListener('click', function (event) {
      event.preventDefault()
      if (placeholder) placeholder.parentNode.insertBefore(respond, placeholder)
      if (parentField) parentField.value = '0'
      setTitle(titleText ? titleText.getAttribute('data-default-title') || '' : '')
      cancelLink.hidden = true
      if (window.location.search.indexOf('replytocom=') !== -1 && window.history.replaceState) {
        window.history.replaceState(null, '', window.location.pathname + '#respond')
      }
    })
  }
})()

// Third-party posts and videos in a story load only when the reader asks. Until then the page shows who
// the provider is, the title and a plain link (all a reader without JavaScript gets), and nothing from the
// provider is fetched: no frame, no script, no cookie. The frame's address comes from the server
// (data-embed-frame, recomputed from the stored link at save), and the CSP's frame-src allows only those.
(function () {
  'use strict'
  var body = document.querySelector('.article-body[data-embed-load]')
  if (!body) return
  var loadLabel = body.getAttribute('data-embed-load') || 'Show'
  var notice = body.getAttribute('data-embed-notice') || ''
  // Videos keep a 16:9 box; posts are tall and grow inside a fixed one.
  var VIDEO = { youtube: true, vimeo: true }

  Array.prototype.forEach.call(body.querySelectorAll('figure.embed[data-embed-frame]'), function (figure) {
    var frameSrc = figure.getAttribute('data-embed-frame')
    if (!/^https:\/\//.test(frameSrc)) return
    var provider = figure.getAttribute('data-embed-provider') || ''
    var providerName = (figure.querySelector('.embed-provider') || {}).textContent || provider
    var title = (figure.querySelector('.embed-title') || {}).textContent || providerName
    var consent = document.createElement('p')
    consent.className = 'embed-consent'
    var button = document.createElement('button')
    button.type = 'button'
    button.className = 'embed-load'
    button.textContent = loadLabel + ' (' + providerName + ')'
    consent.appendChild(button)
    if (notice) {
      var small = document.createElement('small')
      small.textContent = ' ' + notice
      consent.appendChild(small)
    }
    figure.appendChild(consent)
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe')
      frame.src = frameSrc
      frame.title = providerName + ': ' + title
      frame.className = 'embed-frame' + (VIDEO[provider] ? ' embed-frame-video' : ' embed-frame-post')
      frame.setAttribute('allow', 'encrypted-media; fullscreen; picture-in-picture')
      frame.setAttribute('allowfullscreen', '')
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin')
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation')
      consent.replaceWith(frame)
      frame.focus()
    })
  })
})()

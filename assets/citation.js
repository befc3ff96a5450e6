/* global navigator */
// Copy buttons for the citation block under an article. Without this script the link and the HTML
// snippet are still there, in readonly fields a reader can select and copy by hand.
(function () {
  'use strict'
  var block = document.querySelector('.citation')
  if (!block) return
  var label = block.getAttribute('data-copy-label') || 'Copy'
  var copiedLabel = block.getAttribute('data-copied-label') || 'Copied'
  var failedLabel = block.getAttribute('data-copy-failed-label') || ''

  function legacyCopy(field) {
    field.focus()
    field.select()
    try { return document.execCommand('copy') } catch { return false }
  }

  function addButton(field) {
    var button = document.createElement('button')
    button.type = 'button'
    button.className = 'copy-button'
    button.textContent = label
    var status = document.createElement('span')
    status.className = 'copy-status'
    status.setAttribute('role', 'status')
    var reset = null
    function report(text) {
      status.textContent = text
      clearTimeout(reset)
      reset = setTimeout(function () { status.textContent = '' }, 4000)
    }
    button.addEventListener('click', function () {
      var text = field.value
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { report(copiedLabel) },
          function () { report(legacyCopy(field) ? copiedLabel : failedLabel) }
        )
      } else {
        report(legacyCopy(field) ? copiedLabel : failedLabel)
      }
    })
    // A click in a readonly field selects all of it: what a reader wants from a citation.
    field.addEventListener('focus', function () { field.select() })
    field.parentNode.appendChild(button)
    field.parentNode.appendChild(status)
  }

  var fields = block.querySelectorAll('[data-copy]')
  for (var i = 0; i < fields.length; i++) addButton(fields[i])
})()

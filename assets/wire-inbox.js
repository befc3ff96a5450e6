// Wire inbox keys: j / k move the focus through the items, Enter opens the focused one (it is a link).
// Keys typed into a form field are left alone.
(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll('[data-wire-inbox] a.wire-open'))
  if (!links.length) return
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    var target = event.target
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
    if (event.key !== 'j' && event.key !== 'k') return
    var index = links.indexOf(document.activeElement)
    var next = event.key === 'j' ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0)
    links[next].focus()
    event.preventDefault()
  })
})()

/* global fetch, location, DOMParser, EventSource */
// Wire inbox. Keys: j / k move the focus through the items, Enter opens the focused one (it is a link);
// keys typed into a form field are left alone.
// Arrivals: the wire desk's stream (GET /admin/wire/live/) says when a poll brought new or updated items.
// On the first page the page is fetched again and its list swapped in, the arrived rows marked and
// counted in the status line (role=status, so screen readers hear it); on later pages the status line
// links to the first. Without JavaScript the Refresh button does the same.
(function () {
  function links() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-wire-inbox] a.wire-open'))
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    var target = event.target
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
    if (event.key !== 'j' && event.key !== 'k') return
    var all = links()
    if (!all.length) return
    var index = all.indexOf(document.activeElement)
    var next = event.key === 'j' ? Math.min(index + 1, all.length - 1) : Math.max(index - 1, 0)
    all[next].focus()
    event.preventDefault()
  })

  var list = document.getElementById('wire-list')
  var status = document.querySelector('[data-wire-status]')
  if (!list || !status || !window.EventSource || !window.fetch || !window.DOMParser) return
  var onFirstPage = list.getAttribute('data-page') === '1'

  function rowKeys() {
    var keys = {}
    Array.prototype.forEach.call(list.querySelectorAll('tr[data-item]'), function (row) {
      keys[row.getAttribute('data-item') + '@' + row.getAttribute('data-updated')] = true
    })
    return keys
  }

  function say(text, href) {
    status.textContent = ''
    if (!href) {
      status.textContent = text
      return
    }
    var link = document.createElement('a')
    link.href = href
    link.textContent = text
    status.appendChild(link)
  }

  var busy = false
  var again = false
  function refresh() {
    if (busy) {
      again = true
      return
    }
    busy = true
    var before = rowKeys()
    fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null })
      .then(function (html) {
        if (html === null) return
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('wire-list')
        // Signed out, or the page is something else now: leave the list as it is.
        if (!fresh) return
        // Read the focus at the swap, not when the fetch began: keys pressed meanwhile moved it.
        var focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null
        list.innerHTML = fresh.innerHTML
        var arrived = 0
        Array.prototype.forEach.call(list.querySelectorAll('tr[data-item]'), function (row) {
          if (before[row.getAttribute('data-item') + '@' + row.getAttribute('data-updated')]) return
          row.classList.add('wire-fresh')
          arrived++
        })
        if (arrived) say(status.getAttribute('data-arrived').replace('{count}', String(arrived)))
        if (focused) {
          var same = list.querySelector('a.wire-open[href="' + focused + '"]')
          if (same) same.focus()
        }
      })
      .catch(function () {})
      .then(function () {
        busy = false
        if (again) {
          again = false
          refresh()
        }
      })
  }

  var pending = null
  function arrived() {
    if (!onFirstPage) {
      say(status.getAttribute('data-arrived-elsewhere'), status.getAttribute('data-first-page'))
      return
    }
    // A round over several sources logs a row per source: one fetch for the lot.
    if (pending) return
    pending = setTimeout(function () {
      pending = null
      refresh()
    }, 300)
  }

  var stream = new EventSource(list.getAttribute('data-wire-live'))
  stream.addEventListener('wire-items', arrived)
  // Away too long for the log to say what was missed: the list is fetched anyway.
  stream.addEventListener('reload', arrived)
})()

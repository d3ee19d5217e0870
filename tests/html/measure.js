// SPDX-License-Identifier: GPL-3.0-or-later
// Put into a copy of a report page by tests/html-check.sh, shown in an
// iframe of the width under test (headless Chromium's window is never
// narrower than 500 px): measures the page as laid out and writes the result
// into the outer page's <body data-m="JSON"> for chromium --dump-dom.  Table cells narrower than their longest word (text
// broken a letter or two a line) are listed; the smallest rendered font of
// any text shown, SVG text scaled as the plot is drawn, is given with where.
(function () {
	var out = { width: document.documentElement.clientWidth,
		    scroll: document.documentElement.scrollWidth,
		    cells: 0, narrow: [], minfont: 1e9, minat: "" };
	var meas = document.createElement("span");
	meas.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
	document.querySelectorAll("td,th").forEach(function (c) {
		var cs = getComputedStyle(c), widest = 0;
		var inner = c.getBoundingClientRect().width -
			parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
		var words = c.textContent.split(/\s+/).filter(Boolean);
		c.appendChild(meas);
		words.forEach(function (w) {
			meas.textContent = w;
			widest = Math.max(widest, meas.getBoundingClientRect().width);
		});
		c.removeChild(meas);
		out.cells++;
		if (inner + 0.5 < widest)
			out.narrow.push(c.textContent.slice(0, 30) + " (" +
					inner.toFixed(1) + " px for a word of " + widest.toFixed(1) + ")");
	});
	document.querySelectorAll("body *").forEach(function (el) {
		var text = false, px, m;
		if (el.tagName === "SCRIPT" || el.tagName === "STYLE")
			return;
		el.childNodes.forEach(function (n) {
			if (n.nodeType === 3 && n.data.trim())
				text = true;
		});
		if (!text || el.getClientRects().length === 0)
			return;		// no text of its own, or not shown
		px = parseFloat(getComputedStyle(el).fontSize);
		if (el instanceof SVGElement) {
			m = el.getScreenCTM();
			if (!m)
				return;
			px *= Math.sqrt(m.a * m.a + m.b * m.b);
		}
		if (px < out.minfont) {
			out.minfont = px;
			out.minat = (el.tagName + " '" + el.textContent.trim()).slice(0, 40) + "'";
		}
	});
	parent.document.body.setAttribute("data-m", JSON.stringify(out));
})();

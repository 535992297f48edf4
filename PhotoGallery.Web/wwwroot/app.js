// Small browser helpers for the Blazor components. Each returns a handle with dispose() where it attaches listeners.
window.photoGallery = {
    // Marks the page once the Blazor circuit is interactive (used by browser tests).
    markInteractive: () => { document.documentElement.dataset.interactive = "true"; },

    // Calls dotnet.LoadMoreAsync() whenever the sentinel comes near the viewport (infinite scroll).
    observeSentinel: (element, dotnet) => {
        const observer = new IntersectionObserver(entries => {
            if (entries.some(e => e.isIntersecting)) {
                dotnet.invokeMethodAsync("LoadMoreAsync");
            }
        }, { rootMargin: "1200px 0px" });
        observer.observe(element);
        return { dispose: () => observer.disconnect() };
    },

    // Viewer keys (arrows, Escape, Delete, i) and horizontal swipes, sent to dotnet.OnViewerKey(key).
    attachViewer: (element, dotnet) => {
        const keys = ["ArrowLeft", "ArrowRight", "Escape", "Delete", "i", "z"];
        const onKey = e => {
            if (e.target && ["INPUT", "TEXTAREA"].includes(e.target.tagName)) return;
            if (document.querySelector(".mud-dialog")) return; // keys belong to an open dialog (share, confirm)
            if (keys.includes(e.key)) {
                e.preventDefault();
                dotnet.invokeMethodAsync("OnViewerKey", e.key);
            }
        };
        let startX = null, startY = null;
        const onDown = e => { startX = e.clientX; startY = e.clientY; };
        const onUp = e => {
            if (startX === null) return;
            const dx = e.clientX - startX, dy = e.clientY - startY;
            startX = null;
            if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
                dotnet.invokeMethodAsync("OnViewerKey", dx < 0 ? "ArrowRight" : "ArrowLeft");
            }
        };
        document.addEventListener("keydown", onKey);
        element.addEventListener("pointerdown", onDown);
        element.addEventListener("pointerup", onUp);
        element.focus();
        element.dataset.keys = "ready";
        return {
            dispose: () => {
                document.removeEventListener("keydown", onKey);
                element.removeEventListener("pointerdown", onDown);
                element.removeEventListener("pointerup", onUp);
            }
        };
    },

    // Generate page keys, sent to dotnet.OnGenerateKey(key): 1–9 and 0 select an alternative, arrows move the
    // selection, Enter continues from it. Keys typed into fields, or meant for a dialog, menu or button, are left alone.
    attachGenerateKeys: dotnet => {
        const onKey = e => {
            const t = e.target;
            if (e.ctrlKey || e.altKey || e.metaKey) return;
            if (t && (["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || t.isContentEditable)) return;
            if (document.querySelector(".mud-dialog, .mud-popover-open")) return;
            const isKey = /^[0-9]$/.test(e.key) || e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Enter";
            if (!isKey) return;
            if (t && t.closest && t.closest("button, a, [role=button], [role=radio], [role=tab]")) {
                if (e.key === "Enter" || e.key.startsWith("Arrow")) return;
            }
            e.preventDefault();
            dotnet.invokeMethodAsync("OnGenerateKey", e.key);
        };
        document.addEventListener("keydown", onKey);
        document.documentElement.dataset.generateKeys = "ready";
        return {
            dispose: () => {
                document.removeEventListener("keydown", onKey);
                delete document.documentElement.dataset.generateKeys;
            }
        };
    },

    // Drag-to-reorder for the tiles (selector) inside a container: calls dotnet.OnReorder(photoId, newIndex), where
    // newIndex counts the other tiles (the dragged one removed). Drop on a tile's left half = before it, right half = after.
    attachReorder: (container, selector, dotnet) => {
        let dragged = null;
        const clear = () => container.querySelectorAll(".drop-before, .drop-after").forEach(e => e.classList.remove("drop-before", "drop-after"));
        const target = e => e.target.closest ? e.target.closest(selector) : null;
        const onStart = e => {
            const tile = target(e);
            if (!tile) return;
            dragged = tile;
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", tile.dataset.photoId);
            tile.classList.add("dragging");
        };
        const onOver = e => {
            const tile = target(e);
            if (!dragged || !tile || tile === dragged) return;
            e.preventDefault();
            const box = tile.getBoundingClientRect();
            clear();
            tile.classList.add(e.clientX < box.left + box.width / 2 ? "drop-before" : "drop-after");
        };
        const onDrop = e => {
            const tile = target(e);
            if (!dragged || !tile || tile === dragged) return;
            e.preventDefault();
            const after = tile.classList.contains("drop-after");
            const others = [...container.querySelectorAll(selector)].filter(t => t !== dragged);
            const index = others.indexOf(tile) + (after ? 1 : 0);
            dotnet.invokeMethodAsync("OnReorder", dragged.dataset.photoId, index);
        };
        const onEnd = () => { clear(); if (dragged) dragged.classList.remove("dragging"); dragged = null; };
        container.addEventListener("dragstart", onStart);
        container.addEventListener("dragover", onOver);
        container.addEventListener("drop", onDrop);
        container.addEventListener("dragend", onEnd);
        container.dataset.reorder = "ready";
        return {
            dispose: () => {
                container.removeEventListener("dragstart", onStart);
                container.removeEventListener("dragover", onOver);
                container.removeEventListener("drop", onDrop);
                container.removeEventListener("dragend", onEnd);
            }
        };
    },

    // Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is unavailable
    // (plain http on a LAN address is not a secure context). Returns whether it worked.
    copyText: async text => {
        try {
            if (navigator.clipboard && window.isSecureContext) {
                await navigator.clipboard.writeText(text);
                return true;
            }
        } catch { /* fall through to the textarea */ }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        let copied = false;
        try { copied = document.execCommand("copy"); } catch { copied = false; }
        area.remove();
        return copied;
    },

    // Starts a download of a URL without leaving the page.
    download: url => {
        const a = document.createElement("a");
        a.href = url;
        a.download = "";
        document.body.appendChild(a);
        a.click();
        a.remove();
    },
};

// Marks the page once the Blazor circuit is interactive (used by browser tests and CSS alike).
window.photoGallery = {
    markInteractive: () => { document.documentElement.dataset.interactive = "true"; },
};

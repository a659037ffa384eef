// The page's own behaviour: a button that puts the story in full screen, and a modal the page
// opens by itself (as sites do with newsletter prompts), here when the test asks for it.
document.getElementById('go-fullscreen').addEventListener('click', () => {
  void document.getElementById('stage').requestFullscreen();
});
document.getElementById('close-dialog').addEventListener('click', () => document.getElementById('newsletter').close());
window.openNewsletter = () => document.getElementById('newsletter').showModal();

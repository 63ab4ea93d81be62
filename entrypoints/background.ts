import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Filled in by the progress store and message router.
});

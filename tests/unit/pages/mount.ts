// Renders an extension page's component into the document (happy-dom), its effects run: the pages' tests share it.
import { render } from 'preact';
import { act } from 'preact/test-utils';

export function mount(ui: preact.ComponentChild): HTMLDivElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(ui, root));
  return root;
}

// What the parts of one panel run share (controller.tsx makes it; each part receives it): the page,
// the site and its carrier, the two stores the view renders, the host, the run's lifetime, and
// the one way to change progress. Parts talk through the stores and these calls only.
import type { MountedHost } from '../../components/mount-host';
import type { PanelState } from '../../components/panel-state';
import type { Store } from '../../components/store';
import type { Rect } from '../../components/Highlight';
import type { ProgressAction } from '../../utils/messages';
import type { PageSite } from '../../utils/site-trust';

export interface HighlightState {
  rect: Rect | null;
  viewport: { width: number; height: number };
}

export interface PanelRun {
  doc: Document;
  site: PageSite;
  store: Store<PanelState>;
  highlight: Store<HighlightState>;
  /** Aborted when this copy of the panel goes (an extension reload or update). */
  lifetime: AbortController;
  mounted: MountedHost;
  /** The element inside the shadow root that Preact renders into. */
  container: HTMLElement;
  /** Asks the background to change progress; `after` runs once it answered (applied or refused). */
  update(action: ProgressAction, after?: () => void): void;
  /** Tells the background the page's carrier, trust and step (the popup and the icon show them). */
  reportPageState(): void;
}

// The panel's view: renders the stores' latest values, again after every change (batched by
// Preact like a state update). A class component: the panel uses no hooks (see components/Panel.tsx).
import { Component } from 'preact';
import { Highlight } from '../../components/Highlight';
import { Panel } from '../../components/Panel';
import type { PanelActions, PanelState } from '../../components/panel-state';
import type { Store } from '../../components/store';
import type { HighlightState } from './panel-run';

interface AppProps {
  store: Store<PanelState>;
  actions: PanelActions;
  highlight: Store<HighlightState>;
}

export class App extends Component<AppProps> {
  private unsubscribe: (() => void)[] = [];

  override componentDidMount() {
    const { store, highlight } = this.props;
    const rerender = () => this.forceUpdate();
    this.unsubscribe = [store.subscribe(rerender), highlight.subscribe(rerender)];
  }

  override componentWillUnmount() {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
  }

  override render({ store, actions, highlight }: AppProps) {
    const state = store.get();
    const hl = highlight.get();
    return (
      <>
        {state.turnedOff ? null : <PanelView state={state} actions={actions} />}
        {hl.rect && state.highlightShown && !state.turnedOff ? (
          <Highlight rect={hl.rect} viewport={hl.viewport} dim={state.spotlight} />
        ) : null}
      </>
    );
  }
}

// The ring follows scrolls and resizes: moving it must not render the whole panel again (issue 12).
// The store makes a new state object on every change, so an unchanged one means nothing to redo.
class PanelView extends Component<{ state: PanelState; actions: PanelActions }> {
  override shouldComponentUpdate(next: { state: PanelState }) {
    return next.state !== this.props.state;
  }

  override render({ state, actions }: { state: PanelState; actions: PanelActions }) {
    return <Panel state={state} actions={actions} />;
  }
}

// The panel's "⋯" menu (issue 14): turn the guide off here or everywhere, settings, reset.
// Turning off asks first and says what stops, what keeps watching and how to undo, before it stops
// anything. A class component: the panel uses no hooks (see components/Panel.tsx).
import { Component, createRef, type ComponentChildren } from 'preact';
import type { PanelActions, PanelState } from './panel-state';
import type { Texts } from '../utils/texts';

type Scope = 'site' | 'everywhere';

interface Props {
  state: PanelState;
  actions: PanelActions;
  /** The menu's reset control (components/Panel.tsx). */
  children?: ComponentChildren;
}

export class TurnOffMenu extends Component<Props, { asking: Scope | null }> {
  override state = { asking: null as Scope | null };
  private readonly keepRef = createRef<HTMLButtonElement>();

  override componentDidUpdate(_: Props, before: { asking: Scope | null }) {
    // The safe choice takes focus when the question appears.
    if (this.state.asking && !before.asking) this.keepRef.current?.focus();
  }

  override render({ state, actions, children }: Props, { asking }: { asking: Scope | null }) {
    const { t } = state.texts;
    if (asking) {
      const fieldsOn = state.progress?.settings.fieldWarnings !== false;
      return (
        <div class="menu confirm" role="group" aria-labelledby="turn-off-question" data-turn-off-confirm={asking}>
          <p id="turn-off-question">
            <strong>{t(asking === 'site' ? 'offAskSite' : 'offAskEverywhere')}</strong>
          </p>
          <p>{t(asking === 'site' ? 'offStopsSite' : 'offStopsEverywhere')}</p>
          <p data-off-fields={fieldsOn ? 'on' : 'off'}>{t(fieldsOn ? 'offFieldsKeep' : 'offFieldsAlreadyOff')}</p>
          <p>{t('offUndo')}</p>
          <button type="button" ref={this.keepRef} onClick={() => this.setState({ asking: null })}>
            {t('offKeep')}
          </button>
          <button type="button" data-turn-off-yes={asking} onClick={() => actions.turnOff(asking)}>
            {t(asking === 'site' ? 'turnOffSite' : 'turnOffEverywhere')}
          </button>
        </div>
      );
    }
    return (
      <div class="menu">
        <button type="button" data-turn-off={'site'} onClick={() => this.setState({ asking: 'site' })}>
          {t('turnOffSite')}…
        </button>
        <button type="button" data-turn-off={'everywhere'} onClick={() => this.setState({ asking: 'everywhere' })}>
          {t('turnOffEverywhere')}…
        </button>
        <button type="button" data-open-settings="" onClick={actions.openSettings}>
          {t('settings')}
        </button>
        {children}
      </div>
    );
  }
}

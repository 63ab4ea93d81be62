// The side panel: carrier and trust, the field message, this page's step, the steps, the
// checklist and the cautions. Collapsed (the default), it is a compact next-step card: the guide's
// name, the step of this page (or the next one to do) as the step item itself, and a button to open
// the full guide; the controller places it where it covers no page control (utils/placement.ts).
// Every contract element stays in the DOM in both states; CSS hides what the card does not show.
// Class components, not hooks: preact/hooks would add about 1 KB gzip to the content script.
import { Component, createRef } from 'preact';
import { localize } from '../utils/language';
import { cardOf } from '../utils/card';
import { routeOf, stepText } from '../utils/route';
import { stepStates } from '../utils/step-state';
import { LANGUAGES, type RouteId } from '../utils/types';
import { Checklist } from './Checklist';
import { ContactLine } from './ContactLine';
import { FieldMessage } from './FieldMessage';
import { InfoSections } from './InfoSections';
import type { PanelActions, PanelState } from './panel-state';
import { PersonalMarkLine } from './PersonalMarkLine';
import { StepList } from './StepList';
import { SuspiciousNotice } from './SuspiciousNotice';
import { TiedAccounts } from './TiedAccounts';
import { TrustBanner } from './TrustBanner';
import { LANGUAGE_NAMES } from '../utils/language';


/** Rings the page's element to use, or takes the ring away. */
function ShowMeButton({ state, actions }: { state: PanelState; actions: PanelActions }) {
  return (
    <button type="button" class="primary" onClick={state.spotlight ? actions.hideHighlight : actions.showTarget}>
      {state.texts.t(state.spotlight ? 'hideHighlight' : 'showMe')}
    </button>
  );
}

function ThisPage({ state, actions, route }: { state: PanelState; actions: PanelActions; route: RouteId }) {
  const { texts, step, carrier } = state;
  const { t, lang, guide } = texts;
  const guideStep = guide.steps.find((s) => s.id === step);
  if (!guideStep) {
    return (
      <section class="this-page none" aria-labelledby="this-page-title">
        <h3 id="this-page-title">{t('noStep')}</h3>
        <p>{t('noStepBody')}</p>
        {/* The hotline route's target on a page of no step: the carrier's own number (utils/page/hotline-on-page.ts). */}
        {state.hasTarget ? (
          <>
            <p>{t('hotlineHere')}</p>
            <ShowMeButton state={state} actions={actions} />
          </>
        ) : null}
      </section>
    );
  }
  const text = stepText(guide, carrier, guideStep, route);
  const n = guide.steps.indexOf(guideStep) + 1;
  return (
    <section class="this-page" aria-labelledby="this-page-title">
      <h3 id="this-page-title">
        {t('stepOf', { n, title: localize(text.title, lang) })}
      </h3>
      <p class="do">{localize(text.do, lang)}</p>
      {text.specific ? null : <ContactLine carrier={carrier} texts={texts} />}
      <p class="never">
        <strong>{t('neverType')}</strong> {localize(guideStep.neverType, lang)}
      </p>
      {state.hasTarget ? <ShowMeButton state={state} actions={actions} /> : null}
    </section>
  );
}

interface Props {
  state: PanelState;
  actions: PanelActions;
}

interface HeaderProps extends Props {
  onClose(): void;
}

/**
 * The head: title, collapse, carrier, mark, trust, languages and Settings. Turning off, reset and
 * several cards live on the settings page (issue 12: the content scripts' size budget; issue 14).
 */
function Header({ state, actions, onClose }: HeaderProps) {
  const { texts } = state;
  const { t, lang } = texts;
  return (
    <header class="head">
      <div class="title-row">
        <h2 id="guide-title" tabIndex={-1}>
          {t('appName')}
        </h2>
        <button
          type="button"
          class="icon"
          data-close-guide=""
          aria-label={t('collapse')}
          title={t('collapse')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p class="carrier">{localize(state.carrier.name, lang)}</p>
      <PersonalMarkLine mark={state.mark} texts={texts} />
      <TrustBanner carrier={state.carrier} trust={state.trust} texts={texts} />
      <div class="toolbar">
        <div class="languages" role="group" aria-label={t('language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              data-language-option={l}
              aria-pressed={l === lang ? 'true' : 'false'}
              onClick={() => actions.setLanguage(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        <button type="button" data-open-settings="" onClick={actions.openSettings}>
          {t('settings')}
        </button>
      </div>
    </header>
  );
}

/** The first line of a step's what-to-do text, for the compact card. */
function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').replace(/^\s*[•·\-*]\s*/, '');
}

export class Panel extends Component<Props> {
  private readonly rootRef = createRef<HTMLElement>();
  private readonly openRef = createRef<HTMLButtonElement>();
  /** The focus request and expanded state last seen: a change of either moves focus (when one was requested). */
  private seen = '';
  /** After the next render: 'open' focuses the open button (collapsed), 'title' the heading (expanded). */
  private focusNext: 'open' | 'title' | null = null;

  override componentDidMount() {
    this.componentDidUpdate();
  }

  override componentDidUpdate() {
    const { focusRequest, expanded } = this.props.state;
    const heading = this.rootRef.current?.querySelector<HTMLElement>('#guide-title');
    const next = this.focusNext;
    this.focusNext = null;
    if (next === 'open' && !expanded) this.openRef.current?.focus();
    else if (next === 'title' && expanded) heading?.focus();
    const seen = `${focusRequest} ${expanded}`;
    if (seen === this.seen) return;
    this.seen = seen;
    if (!focusRequest || next) return;
    (expanded ? heading : this.openRef.current)?.focus();
  }

  /**
   * Whether focus may move into the panel: it is in the panel already, or nowhere on the page. A
   * page control that has focus keeps it (clicking our UI never blurs the page's field: the contract).
   */
  private mayTakeFocus(): boolean {
    const root = this.rootRef.current;
    if (!root) return false;
    const doc = root.ownerDocument;
    const active = doc.activeElement;
    return !active || active === doc.body || active === doc.documentElement || active === (root.getRootNode() as ShadowRoot).host;
  }

  /** Collapse; focus goes back to the page element it came from (the shortcut's case), else to the open button. */
  private readonly close = () => {
    const mayTake = this.mayTakeFocus();
    const returned = this.props.actions.setExpanded(false);
    if (!returned && mayTake) {
      this.focusNext = 'open';
      this.forceUpdate();
    }
  };

  private readonly open = () => {
    if (this.mayTakeFocus()) this.focusNext = 'title';
    this.props.actions.setExpanded(true);
  };

  override render({ state, actions }: Props) {
    const { texts } = state;
    const { t, lang, guide } = texts;
    const { rootRef, openRef } = this;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && state.expanded) {
        e.stopPropagation();
        this.close();
      }
    };

    const card = state.progress ? cardOf(state.progress, state.carrier.id) : null;
    const route = routeOf(state.carrier, card);
    const states = stepStates(card, state.step);
    // The compact card's step: this page's, else the first one not done yet, else the last.
    const focus = state.step ?? (guide.steps.find((s) => states[s.id] !== 'done') ?? guide.steps.at(-1))?.id ?? null;
    const noticeKey = state.notice ? `notice${state.notice[0]!.toUpperCase()}${state.notice.slice(1)}` : null;
    const panelState = state.expanded ? 'expanded' : 'collapsed';

    return (
      <aside
        ref={rootRef}
        data-guide-panel=""
        role="complementary"
        aria-labelledby="guide-title-label"
        data-carrier={state.carrier.id}
        data-site-trust={state.trust}
        data-route={route}
        data-panel-state={panelState}
        data-expanded={state.expanded ? 'true' : 'false'}
        lang={lang}
        class={`panel ${panelState} trust-${state.trust}`}
        onKeyDown={onKeyDown}
      >
        <span id="guide-title-label" class="visually-hidden">
          {t('panelLabel')}
        </span>
        {state.field ? <FieldMessage field={state.field} texts={texts} /> : null}
        {/* One body in both states: collapsed, CSS shows only the parts marked "compact" (the steps stay in the DOM). */}
        <div class="body">
          <Header state={state} actions={actions} onClose={this.close} />
          {state.fighting ? <p class="notice compact" role="alert" data-page-fighting="">{t('pageFighting')}</p> : null}
          {noticeKey ? (
            <div class="notice compact" role="status">
              {t(noticeKey)}{' '}
              <button type="button" class="link-button" onClick={actions.dismissNotice}>
                {t('dismiss')}
              </button>
            </div>
          ) : null}
          {state.thirdPartyFrame ? <p class="notice">{t('thirdPartyFrame')}</p> : null}
          {/* A look-alike gets the warning and the official address only (issue 16): no step, highlight or progress. */}
          {state.trust === 'suspicious' ? <div class="compact"><SuspiciousNotice carrier={state.carrier} texts={texts} /></div> : <>
          <ThisPage state={state} actions={actions} route={route} />
          <TiedAccounts texts={texts} card={card} onSet={actions.setTied} />
          <section class="steps-section compact" aria-labelledby="steps-title">
            <h3 id="steps-title">
              {t('stepsDone', { done: Object.values(states).filter((s) => s === 'done').length })}
            </h3>
            <label>
              {t('route')}
              <select data-route-select="" onChange={(e) => actions.setRoute((e.currentTarget as HTMLSelectElement).value as RouteId)}>
                {/* The pack's carrier holds only its sourced routes (utils/text-pack.ts). */}
                {state.carrier.routes.map(({ id }) => (
                  <option key={id} value={id} selected={id === route}>
                    {localize(guide.routes.find((r) => r.id === id)!.name, lang)}
                  </option>
                ))}
              </select>
            </label>
            <StepList carrier={state.carrier} texts={texts} route={route} current={state.step} focus={focus} states={states} onMark={actions.markStep} brief={firstLine} />
          </section>
          <Checklist texts={texts} card={card} onToggle={actions.toggleCheck} onPrint={actions.printChecklist} />
          <InfoSections carrier={state.carrier} texts={texts} />
          </>}
          {state.expanded ? null : (
            <button ref={openRef} type="button" class="open compact" aria-expanded="false" data-open-guide="" onClick={this.open}>
              <span class="open-label">{t('openGuide')}</span>
              {state.shortcut ? <kbd class="keys">{t('shortcut', { keys: state.shortcut })}</kbd> : null}
            </button>
          )}
        </div>
      </aside>
    );
  }
}

// A control's description read from the page part by part, when the classifier first asks for
// that part: classifyField reads the label first and the other texts only when its decision gets
// to them, so most controls never have their following text, options or row of boxes read, and
// a control classified twice (without, then with card context) is read once. Same parts, same
// reading as describeField (read.ts); for classification in the page only. What a sub-frame sends
// to the background stays describeField's plain object.
import type { FieldDescription } from './classify';
import {
  followingText,
  groupLabelOf,
  isEditingHost,
  labelText,
  maxLengthOf,
  nearbyText,
  placeholderOf,
  selectOptions,
  siblingGroup,
  typeOf,
} from './read';

export class LiveDescription implements FieldDescription {
  private readonly el: Element;
  private _tag?: string;
  private _type?: string;
  private _autocomplete?: string;
  private _name?: string;
  private _id?: string;
  private _label?: string;
  private _placeholder?: string;
  private _title?: string;
  private _nearby?: string;
  private _groupLabel?: string;
  private _following?: { text: string; image: boolean };
  private _maxLength?: number | null;
  private _inputMode?: string;
  private _options?: { options: string[]; optionCount: number };
  private _group?: { size: number; first: Element | null };
  private _contentEditable?: boolean;

  constructor(el: Element) {
    this.el = el;
  }

  get tag(): string {
    return (this._tag ??= this.el.tagName.toLowerCase());
  }
  get type(): string {
    return (this._type ??= typeOf(this.el));
  }
  get autocomplete(): string {
    return (this._autocomplete ??= this.el.getAttribute('autocomplete') ?? '');
  }
  get name(): string {
    return (this._name ??= this.el.getAttribute('name') ?? '');
  }
  get id(): string {
    return (this._id ??= this.el.id);
  }
  get label(): string {
    return (this._label ??= labelText(this.el));
  }
  get placeholder(): string {
    return (this._placeholder ??= placeholderOf(this.el));
  }
  get title(): string {
    return (this._title ??= this.el.getAttribute('title') ?? '');
  }
  get nearby(): string {
    return (this._nearby ??= nearbyText(this.el));
  }
  get groupLabel(): string {
    return (this._groupLabel ??= groupLabelOf(this.nearby, () => this.group().first));
  }
  get following(): string {
    return this.followingParts().text;
  }
  get imageNearby(): boolean {
    return this.followingParts().image;
  }
  get maxLength(): number | null {
    if (this._maxLength === undefined) this._maxLength = maxLengthOf(this.el);
    return this._maxLength;
  }
  get inputMode(): string {
    return (this._inputMode ??= (this.el.getAttribute('inputmode') ?? '').toLowerCase());
  }
  get options(): string[] {
    return this.optionParts().options;
  }
  get optionCount(): number {
    return this.optionParts().optionCount;
  }
  get groupSize(): number {
    return this.group().size;
  }
  get contentEditable(): boolean {
    return (this._contentEditable ??= isEditingHost(this.el));
  }

  private group(): { size: number; first: Element | null } {
    return (this._group ??= siblingGroup(this.el));
  }
  private followingParts(): { text: string; image: boolean } {
    return (this._following ??= followingText(this.el));
  }
  private optionParts(): { options: string[]; optionCount: number } {
    return (this._options ??= selectOptions(this.el));
  }
}

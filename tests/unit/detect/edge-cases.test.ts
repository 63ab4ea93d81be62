// Short pages for the traps named in the design: each must give exactly the expected steps.
import { describe, expect, it } from 'vitest';
import { detectAll } from '../../../utils/detect/index';
import { takeSnapshot } from '../../../utils/page/snapshot';
import type { StepId } from '../../../utils/types';
import { parse } from './load-fixtures';

const NAV = '<header><nav><a href="/">Home</a><a href="/login">Log in</a></nav></header>';

function steps(body: string, title = 'Page'): StepId[] {
  const doc = parse(`<html><head><title>${title}</title></head><body>${NAV}<main>${body}</main><footer><a href="/terms">Terms</a></footer></body></html>`);
  return detectAll(takeSnapshot(doc, { hostname: 'www.example.com', pathname: '/p', hash: '' }).snapshot).map((s) => s.step);
}

describe('no step', () => {
  it.each([
    ['newsletter unsubscribe', '<h1>Newsletter</h1><p>Your subscription has been cancelled.</p><a href="/n">Cancel subscription</a>'],
    ['top-up result', '<h1>Order completed</h1><p>Your refill of HK$ 100 is complete. To cancel registration of a prepaid SIM, call 12580.</p>'],
    ['top-up result (zh-Hant)', '<h1>增值已完成</h1><p>交易已完成，收據已以短訊發送。</p>'],
    ['processing fee', '<h1>Deregistration</h1><p>No processing fee is charged for deregistration.</p><p>Call 12580 to deregister.</p>'],
    ['generic error', '<h1>Something went wrong</h1><p>We could not process your request. Please try again later.</p><button>Cancel</button>'],
    ['order cancelled', '<h1>My Orders</h1><p>Your order has been cancelled and refunded.</p>'],
    ['dialog cancel only', '<div role="dialog"><p>Leave this page?</p><button>Cancel</button><button>取消</button><button>OK</button></div>'],
    ['registration (not deregistration) form', '<h1>Prepaid SIM Registration</h1><form><label>HKID number <input name="hkid"></label><label><input type="checkbox"> I agree</label><button>Register</button></form>'],
    ['plan order form with a cancellation-policy checkbox', '<h1>Apply for 5G plan</h1><form><label>HKID <input name="id"></label><label><input type="checkbox"> I have read the cancellation policy</label><button>Apply</button></form>'],
    ['change password', '<h1>Change password</h1><form><label>Current password <input type="password"></label><label>New password <input type="password"></label><button>Save</button></form>'],
    ['sign-in hint on a marketing page', '<h1>5G plans</h1><p>Log in to MyLink to enjoy extra offers.</p><a href="/login">Log in</a>'],
    ['pending payment', '<h1>Deregistration</h1><p>Pending payment of your last bill.</p>'],
  ])('%s', (_name, body) => {
    expect(steps(body)).toEqual([]);
  });
});

describe('steps on short pages', () => {
  it.each([
    ['session expired → sign-in', '<h1>My Account</h1><p>Your session has expired. Please log in again.</p><a href="/login" class="x">Log in</a>', ['sign-in']],
    ['signed in page never asks to sign in', '<p>Please log in to continue.</p><a href="/login">Log in</a><a href="/logout">Log out</a>', []],
    ['a bare "Cancel" menu link is no entry; "Cancel my number" is', '<nav><a href="/c">Cancel</a><a href="/d">Cancel my number</a></nav>', ['find-entry']],
    ['status: processing', '<h1>Your deregistration request</h1><p>Status: Processing</p>', ['await-review']],
    ['審核中', '<h1>取消登記申請</h1><p>狀態：審核中</p>', ['await-review']],
    ['待审批', '<h1>注销申请</h1><p>状态：待审批</p>', ['await-review']],
    ['registration cancelled (zh-Hans)', '<h1>已取消登记</h1>', ['confirmed']],
    ['service terminated (en)', '<p>Your mobile service has been terminated.</p>', ['confirmed']],
    ['已完成 near 取消登記', '<h1>取消登記</h1><p>狀態：已完成</p>', ['confirmed']],
  ])('%s', (_name, body, expected) => {
    expect(steps(body)).toEqual(expected);
  });
});

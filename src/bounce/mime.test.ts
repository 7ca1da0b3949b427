import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseContentType } from "./mime.js";

describe("parseContentType", () => {
  it("reads the type and its parameters, quoted, folded or split (RFC 2231)", () => {
    const { type, params } = parseContentType(
      'Multipart/Report; report-type=delivery-status;\n\tboundary="a;b"; name*0=part; name*1=two',
    );
    assert.equal(type, "multipart/report");
    assert.equal(params["report-type"], "delivery-status");
    assert.equal(params.boundary, "a;b");
    assert.equal(params.name, "parttwo");
    assert.equal(parseContentType(null).type, "text/plain");
  });

  it("takes parameters named like Object.prototype's for what they are", () => {
    const { params } = parseContentType("text/plain; constructor=x; __proto__=y; toString=z; charset=utf-8");
    assert.equal(params.constructor, "x");
    assert.equal(params.tostring, "z");
    const proto = "__proto__";
    assert.equal(params[proto], "y");
    assert.equal(params.charset, "utf-8");
    assert.equal(({} as Record<string, unknown>).y, undefined);
    // An absent parameter is absent: nothing inherited answers.
    assert.equal(parseContentType("text/plain").params.constructor, undefined);
  });
});

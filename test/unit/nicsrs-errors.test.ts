// NicSrsError.annotate: the added sentence appears once, in the message and in the stack's first line.
import { strict as assert } from "node:assert";
import { NicSrsError } from "../../sdk/nicsrs/errors";

describe("sdk/nicsrs errors: annotate", () => {
  it("adds the sentence once to the message and the stack, whether or not the stack was read before", () => {
    const fresh = new NicSrsError("place", "The order may have been taken.");
    fresh.annotate("Retry with the same refId.");
    const read = new NicSrsError("place", "The order may have been taken.");
    void read.stack;
    read.annotate("Retry with the same refId.");
    for (const e of [fresh, read]) {
      assert.equal(e.message, "The order may have been taken. Retry with the same refId.");
      assert.equal(e.stack!.split("\n")[0], `${e.name}: ${e.message}`);
      assert.equal(e.stack!.split("Retry with the same refId.").length, 2, e.stack);
    }
  });
});

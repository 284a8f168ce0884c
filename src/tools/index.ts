/**
 * The tool registry: the only way the dialogue engine runs a tool. It
 * validates input against the tool's schema (bad input is a 'refused'
 * outcome, never an exception), enforces verification for order tools before
 * anything touches the database, and turns unexpected failures into a
 * ToolError so a broken tool never passes for a plausible answer.
 */
import type { z } from 'zod';
import { createAddToCartTool } from './add-to-cart';
import { cancelOrderTool } from './cancel-order';
import { InMemoryCartStore, type CartStore } from './cart-store';
import { changeShippingAddressTool } from './change-shipping-address';
import { checkStockTool } from './check-stock';
import { discountCodeTool } from './discount-codes';
import { ToolError } from './errors';
import { handoffTool } from './handoff';
import { orderStatusTool } from './order-status';
import { productDetailsTool } from './product-details';
import { productSearchTool } from './product-search';
import { recommendTool } from './recommend';
import { refundStatusTool } from './refund-status';
import { returnEligibilityTool } from './return-eligibility';
import { startReturnTool } from './start-return';
import { createStorePolicyTool, DEFAULT_POLICY_FILE } from './store-policy';
import type { Tool, ToolContext, ToolOutcome } from './types';
import { verifyIdentityTool } from './verify-identity';
import { createViewCartTool } from './view-cart';

export type { Tool, ToolContext, ToolOutcome, Verification } from './types';
export { ToolError } from './errors';
export { signSessionToken, verifySessionToken } from './session-token';
export { InMemoryCartStore, type CartStore, type CartLine } from './cart-store';
export { invalidateCatalog } from './catalog';
export { MAX_VERIFICATION_FAILURES } from './verify-identity';

/** Lookup and guarded execution of the chat tools. */
export interface ToolRegistry {
  get(name: string): Tool | undefined;
  list(): Tool[];
  /**
   * Runs a tool. Resolves with 'refused' (reason 'invalid_input: ...') for
   * input the schema rejects and 'needs_verification' for an order tool
   * without a verified customer.
   * @throws ToolError for an unknown tool name or any failure inside the tool.
   */
  run(name: string, rawInput: unknown, context: ToolContext): Promise<ToolOutcome>;
}

/** Replaceable parts of the registry (all optional). */
export interface ToolRegistryOptions {
  /** Cart storage; defaults to process memory (single-server only, see cart-store.ts). */
  cartStore?: CartStore;
  /** Store policy YAML; defaults to intents/store-policy.yml. */
  policyFile?: string;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

/** Builds the registry of every chat tool. */
export function createToolRegistry(options: ToolRegistryOptions = {}): ToolRegistry {
  const carts = options.cartStore ?? new InMemoryCartStore();
  const tools: Tool[] = [
    verifyIdentityTool,
    orderStatusTool,
    cancelOrderTool,
    changeShippingAddressTool,
    returnEligibilityTool,
    startReturnTool,
    refundStatusTool,
    productSearchTool,
    productDetailsTool,
    checkStockTool,
    recommendTool,
    createAddToCartTool(carts),
    createViewCartTool(carts),
    discountCodeTool,
    createStorePolicyTool(options.policyFile ?? DEFAULT_POLICY_FILE),
    handoffTool,
  ];
  const byName = new Map(tools.map((t) => [t.name, t]));

  return {
    get: (name) => byName.get(name),
    list: () => [...tools],
    async run(name, rawInput, context) {
      const tool = byName.get(name);
      if (!tool) throw new ToolError(name, 'unknown tool');
      try {
        // Before parsing or any query: an unverified shopper learns nothing, not even whether the input was valid.
        if (tool.requiresVerifiedCustomer && context.verification.customerId === null) {
          context.audit('refused_unverified', { tool: name });
          return { status: 'needs_verification' };
        }
        const parsed = tool.input.safeParse(rawInput ?? {});
        if (!parsed.success) return { status: 'refused', reason: `invalid_input: ${describeIssues(parsed.error)}` };
        return await tool.run(parsed.data, context);
      } catch (error) {
        throw new ToolError(name, error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
  };
}

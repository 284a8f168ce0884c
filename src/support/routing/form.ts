/**
 * Whether a message asks something. Routing uses it to tell a request from an
 * opinion: "is the sweater machine washable?" wants an answer from sales,
 * "the sweater pilled after two washes" is feedback about the product, though
 * the NLU reads both as product questions. Grammar, not topic: a question mark,
 * or a clause opening with an interrogative word or an inverted auxiliary.
 */
const QUESTION = /\?|(?:^|[.!,;:\n]\s*)(?:what|which|how|when|where|wheres|why|who|is|are|do|does|did|can|could|will|would|should|any|have you|has)\b/iu;

/**
 * True when the message asks a question (in any of its sentences).
 * @example isQuestion('wheres my stuff. ordered 10 days ago') === true
 * @example isQuestion('The app crashes every time I open my cart.') === false
 */
export function isQuestion(text: string): boolean {
  return QUESTION.test(text.trim());
}

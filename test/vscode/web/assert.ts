// `node:assert/strict` for the web-worker extension host, which has no Node: the harness bundles this module in
// its place, so the same extension-host tests run in both hosts. It covers the strict-mode functions tests use;
// anything else fails the bundle with "No matching export", which is the cue to add it here.

export class AssertionError extends Error {
	readonly code = 'ERR_ASSERTION';
	readonly actual: unknown;
	readonly expected: unknown;
	readonly operator: string;
	readonly generatedMessage: boolean;

	constructor(options: { message?: string | Error; actual?: unknown; expected?: unknown; operator: string; generated: string }) {
		const { message } = options;
		if (message instanceof Error) {
			throw message;
		}
		super(message ?? options.generated);
		this.name = 'AssertionError';
		this.actual = options.actual;
		this.expected = options.expected;
		this.operator = options.operator;
		this.generatedMessage = message === undefined;
	}
}

type Message = string | Error;

export function ok(value: unknown, message?: Message): asserts value {
	if (!value) {
		throw new AssertionError({ message, actual: value, expected: true, operator: '==', generated: `The expression evaluated to a falsy value: ${inspect(value)}` });
	}
}

export function fail(message: Message = 'Failed'): never {
	throw new AssertionError({ message, operator: 'fail', generated: 'Failed' });
}

export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
	if (!Object.is(actual, expected)) {
		throw new AssertionError({ message, actual, expected, operator: 'strictEqual', generated: `Expected values to be strictly equal:\n\n${inspect(actual)} !== ${inspect(expected)}` });
	}
}

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
	if (Object.is(actual, expected)) {
		throw new AssertionError({ message, actual, expected, operator: 'notStrictEqual', generated: `Expected "actual" to be strictly unequal to: ${inspect(expected)}` });
	}
}

export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
	if (!isDeepStrictEqual(actual, expected)) {
		throw new AssertionError({ message, actual, expected, operator: 'deepStrictEqual', generated: `Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ ${inspect(actual)}\n- ${inspect(expected)}` });
	}
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: Message): void {
	if (isDeepStrictEqual(actual, expected)) {
		throw new AssertionError({ message, actual, expected, operator: 'notDeepStrictEqual', generated: `Expected "actual" not to be strictly deep-equal to: ${inspect(expected)}` });
	}
}

export function match(actual: string, expected: RegExp, message?: Message): void {
	if (typeof actual !== 'string' || !expected.test(actual)) {
		throw new AssertionError({ message, actual, expected, operator: 'match', generated: `The input did not match the regular expression ${expected}. Input:\n\n${inspect(actual)}\n` });
	}
}

export function doesNotMatch(actual: string, expected: RegExp, message?: Message): void {
	if (typeof actual !== 'string' || expected.test(actual)) {
		throw new AssertionError({ message, actual, expected, operator: 'doesNotMatch', generated: `The input was expected to not match the regular expression ${expected}. Input:\n\n${inspect(actual)}\n` });
	}
}

type ErrorExpectation = RegExp | (new (...args: never[]) => unknown) | ((error: unknown) => boolean) | Record<string, unknown>;

export function throws(block: () => unknown, expected?: ErrorExpectation | Message, message?: Message): void {
	let thrown: { error: unknown } | undefined;
	try {
		block();
	} catch (error) {
		thrown = { error };
	}
	settle('throws', thrown, expected, message);
}

export async function rejects(block: Promise<unknown> | (() => Promise<unknown>), expected?: ErrorExpectation | Message, message?: Message): Promise<void> {
	let thrown: { error: unknown } | undefined;
	try {
		await (typeof block === 'function' ? block() : block);
	} catch (error) {
		thrown = { error };
	}
	settle('rejects', thrown, expected, message);
}

export function doesNotThrow(block: () => unknown, message?: Message): void {
	try {
		block();
	} catch (error) {
		throw new AssertionError({ message, actual: error, operator: 'doesNotThrow', generated: `Got unwanted exception.\nActual message: "${errorMessage(error)}"` });
	}
}

export async function doesNotReject(block: Promise<unknown> | (() => Promise<unknown>), message?: Message): Promise<void> {
	try {
		await (typeof block === 'function' ? block() : block);
	} catch (error) {
		throw new AssertionError({ message, actual: error, operator: 'doesNotReject', generated: `Got unwanted rejection.\nActual message: "${errorMessage(error)}"` });
	}
}

export { equal as strictEqual, notEqual as notStrictEqual, deepEqual as deepStrictEqual, notDeepEqual as notDeepStrictEqual };

function settle(operator: string, thrown: { error: unknown } | undefined, expected: ErrorExpectation | Message | undefined, message: Message | undefined): void {
	if (typeof expected === 'string') {
		message = expected;
		expected = undefined;
	}
	if (!thrown) {
		throw new AssertionError({ message, operator, generated: `Missing expected ${operator === 'rejects' ? 'rejection' : 'exception'}.` });
	}
	if (expected === undefined) {
		return;
	}
	const { error } = thrown;
	if (expected instanceof RegExp) {
		if (!expected.test(String(error))) {
			throw new AssertionError({ message, actual: error, expected, operator, generated: `The input did not match the regular expression ${expected}. Input:\n\n${inspect(String(error))}\n` });
		}
		return;
	}
	if (typeof expected === 'function') {
		if (expected.prototype !== undefined && error instanceof (expected as new () => unknown)) {
			return;
		}
		if (Error.isPrototypeOf(expected) || expected === Error) {
			throw new AssertionError({ message, actual: error, expected, operator, generated: `The error is expected to be an instance of "${expected.name}". Received "${errorMessage(error)}"` });
		}
		if ((expected as (error: unknown) => boolean)(error) === true) {
			return;
		}
		throw new AssertionError({ message, actual: error, expected, operator, generated: `The validation function is expected to return "true". Received "${errorMessage(error)}"` });
	}
	if (typeof expected === 'object' && expected !== null) {
		for (const [key, want] of Object.entries(expected)) {
			const got = (error as Record<string, unknown> | null)?.[key];
			const same = want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepStrictEqual(got, want);
			if (!same) {
				throw new AssertionError({ message, actual: error, expected, operator, generated: `Expected the error's "${key}" to be ${inspect(want)}, got ${inspect(got)}` });
			}
		}
	}
}

function isDeepStrictEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
	if (Object.is(a, b)) {
		return true;
	}
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return false;
	}
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
		return false;
	}
	if (seen.get(a) === b) {
		return true;
	}
	seen.set(a, b);
	if (a instanceof Date) {
		return a.getTime() === (b as Date).getTime();
	}
	if (a instanceof RegExp) {
		return String(a) === String(b);
	}
	if (a instanceof Error && (a.message !== (b as Error).message || a.name !== (b as Error).name)) {
		return false;
	}
	if (Array.isArray(a) || ArrayBuffer.isView(a)) {
		const left = a as unknown as ArrayLike<unknown>;
		const right = b as unknown as ArrayLike<unknown>;
		if (left.length !== right.length) {
			return false;
		}
		for (let index = 0; index < left.length; index++) {
			if (!isDeepStrictEqual(left[index], right[index], seen)) {
				return false;
			}
		}
	}
	if (a instanceof Map) {
		const right = b as Map<unknown, unknown>;
		if (a.size !== right.size) {
			return false;
		}
		for (const [key, value] of a) {
			if (!right.has(key) || !isDeepStrictEqual(value, right.get(key), seen)) {
				return false;
			}
		}
		return true;
	}
	if (a instanceof Set) {
		const right = b as Set<unknown>;
		return a.size === right.size && [...a].every(value => right.has(value) || [...right].some(other => isDeepStrictEqual(value, other, seen)));
	}
	const leftKeys = Object.keys(a);
	const rightKeys = Object.keys(b);
	if (leftKeys.length !== rightKeys.length) {
		return false;
	}
	return leftKeys.every(key => Object.prototype.hasOwnProperty.call(b, key)
		&& isDeepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen));
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function inspect(value: unknown): string {
	if (typeof value === 'string') {
		return `'${value}'`;
	}
	if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
		return String(value);
	}
	try {
		const seen = new WeakSet<object>();
		const text = JSON.stringify(value, (_key, item: unknown) => {
			if (typeof item === 'object' && item !== null) {
				if (seen.has(item)) {
					return '[Circular]';
				}
				seen.add(item);
				if (item instanceof Map) {
					return { Map: [...item] };
				}
				if (item instanceof Set) {
					return { Set: [...item] };
				}
			}
			return item === undefined ? '[undefined]' : item;
		}, 2);
		return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
	} catch {
		return String(value);
	}
}

/**
 * Arithmetic expansion in each shell's dialect: dash (no ++, **, comma; lazy
 * && || ?:; a variable must hold a number; `arithmetic expression: expecting
 * primary: "1+"`) and busybox ash (++, **, base#n, comma; eager; a variable's
 * value is an expression; `arithmetic syntax error`, `divide by zero`).
 * Expected texts from the real shells.
 */
import { describe, it } from 'vitest';
import { type Case, check } from './helpers.ts';

// ARITHMETIC
const ARITHMETIC: Case[] = [
  ["echo $((1 + 2 * 3)) $(( (1+2) * 3 )) $((7 / 2)) $((7 % 3)) $((-7/2)) $((-7%2))", "7 9 3 1 -3 -1\n", "7 9 3 1 -3 -1\n"],
  ["echo $((1<2)) $((3>=3)) $((1==1)) $((1!=1)) $((!0)) $((~0)) $((1&&0)) $((0||2)) $((5&3)) $((5|3)) $((5^3)) $((1<<4)) $((256>>2))", "1 1 1 0 1 -1 0 1 1 7 6 16 64\n", "1 1 1 0 1 -1 0 1 1 7 6 16 64\n"],
  ["echo $((1?2:3)) $((0?2:3)) $((3 > 2 ? 10 : 20))", "2 3 10\n", "2 3 10\n"],
  ["x=3; echo $((x*2)) $(($x*2)) $((x)) $((y+1))", "6 6 3 1\n", "6 6 3 1\n"],
  ["echo $((010)) $((0x1f))", "8 31\n", "8 31\n"],
  ["i=0; echo $((i+=1)) $((i-=3)) $((i*=4)) $((i/=2)) $((i%=3)) $i", "1 -2 -8 -4 -1 -1\n", "1 -2 -8 -4 -1 -1\n"],
  ["a=2; echo $(( a <<= 2 )) $a $((b = 5)) $b", "8 8 5 5\n", "8 8 5 5\n"],
  ["i=0; i=$((i + 1)); i=$((i + 1)); echo $i", "2\n", "2\n"],
  ["x=\" 12 \"; echo $((x+1))", "13\n", "13\n"],
  ["echo $((9223372036854775807+1))", "-9223372036854775808\n", "-9223372036854775808\n"],
  ["echo $(( 0 && 1/0 )) $(( 1 || 1/0 ))", "0 1\n", "sh: divide by zero\n[exit 2]\n"],
  ["x=1; echo $((0 && (x=5))) $x", "0 1\n", "0 5\n"],
  ["echo $(( $(echo 3) + 4 ))", "7\n", "7\n"],
  ["n=5; echo $(( n > 3 ? n * 2 : n ))", "10\n", "10\n"],
  ["echo $(( 1 +\n2 ))", "3\n", "3\n"],
  ["echo $((- -3)) $((+3)) $((!!5)) $((-(3)))", "3 3 1 -3\n", "3 3 1 -3\n"],
];
// ARITHMETIC_DIALECTS
const ARITHMETIC_DIALECTS: Case[] = [
  ["i=5; echo $((i++)) $i $((++i)) $((--i)) $((i--)) $i", "sh: 1: arithmetic expression: expecting primary: \"i++\"\n[exit 2]\n", "5 6 7 6 6 5\n"],
  ["echo $((2**3)) $((2**3**2))", "sh: 1: arithmetic expression: expecting primary: \"2**3\"\n[exit 2]\n", "8 512\n"],
  ["echo $((2#101)) $((16#ff))", "sh: 1: arithmetic expression: expecting EOF: \"2#101\"\n[exit 2]\n", "5 255\n"],
  ["echo $((1,2))", "sh: 1: arithmetic expression: expecting EOF: \"1,2\"\n[exit 2]\n", "2\n"],
  ["x=1+2; echo $((x*3))", "sh: 1: Illegal number: 1+2\n[exit 2]\n", "9\n"],
  ["x=abc; echo $((x+1))", "sh: 1: Illegal number: abc\n[exit 2]\n", "1\n"],
  ["x=\"2 + 3\"; echo $((x * 2))", "sh: 1: Illegal number: 2 + 3\n[exit 2]\n", "10\n"],
  ["echo $(( ))", "sh: 1: arithmetic expression: expecting primary: \" \"\n[exit 2]\n", "0\n"],
  ["echo $((1 ? 2 : 1/0))", "2\n", "sh: divide by zero\n[exit 2]\n"],
  ["echo $((9223372036854775808))", "9223372036854775807\n", "-9223372036854775808\n"],
];
// ARITHMETIC_ERRORS
const ARITHMETIC_ERRORS: Case[] = [
  ["echo $((1/0)); echo after", "sh: 1: arithmetic expression: division by zero: \"1/0\"\n[exit 2]\n", "sh: divide by zero\n[exit 2]\n"],
  ["echo $((7%0))", "sh: 1: arithmetic expression: division by zero: \"7%0\"\n[exit 2]\n", "sh: divide by zero\n[exit 2]\n"],
  ["echo $((1+))", "sh: 1: arithmetic expression: expecting primary: \"1+\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $(( 1 + ))", "sh: 1: arithmetic expression: expecting primary: \" 1 + \"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((1 2))", "sh: 1: arithmetic expression: expecting EOF: \"1 2\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((08))", "sh: 1: arithmetic expression: expecting EOF: \"08\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((0x))", "sh: 1: arithmetic expression: expecting EOF: \"0x\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $(( 1 ? 2 ))", "sh: 1: arithmetic expression: expecting ':': \" 1 ? 2 \"\n[exit 2]\n", "sh: malformed ?: operator\n[exit 2]\n"],
  ["echo $((1 : 2))", "sh: 1: arithmetic expression: expecting EOF: \"1 : 2\"\n[exit 2]\n", "sh: malformed ?: operator\n[exit 2]\n"],
  ["echo $((=))", "sh: 1: arithmetic expression: expecting primary: \"=\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((a=))", "sh: 1: arithmetic expression: expecting primary: \"a=\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((1=2))", "sh: 1: arithmetic expression: expecting EOF: \"1=2\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((1 @ 2))", "sh: 1: arithmetic expression: expecting EOF: \"1 @ 2\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((-))", "sh: 1: arithmetic expression: expecting primary: \"-\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((5++))", "sh: 1: arithmetic expression: expecting primary: \"5++\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["echo $((2**-1))", "sh: 1: arithmetic expression: expecting primary: \"2**-1\"\n[exit 2]\n", "sh: exponent less than 0\n[exit 2]\n"],
  ["x=1a; echo $((x+1))", "sh: 1: Illegal number: 1a\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["x=x; echo $((x+1))", "sh: 1: Illegal number: x\n[exit 2]\n", "sh: expression recursion loop detected\n[exit 2]\n"],
  ["echo $((x++))", "sh: 1: arithmetic expression: expecting primary: \"x++\"\n[exit 2]\n", "0\n"],
  ["echo $((\"1\"+2))", "sh: 1: arithmetic expression: expecting primary: \"\"1\"+2\"\n[exit 2]\n", "sh: arithmetic syntax error\n[exit 2]\n"],
  ["for i in 1 2\ndo\n  echo $((i / 0))\ndone", "sh: 3: arithmetic expression: division by zero: \"i / 0\"\n[exit 2]\n", "sh: divide by zero\n[exit 2]\n"],
];

describe('arithmetic', () => {
  it.each(ARITHMETIC)('both shells: %j', (...c) => check(c));
  it.each(ARITHMETIC_DIALECTS)('where they differ: %j', (...c) => check(c));
  it.each(ARITHMETIC_ERRORS)('errors: %j', (...c) => check(c));
});

"""The math expert: sympy and scipy scripts for equations, ODEs, integrals and optimisation.

It is the code expert with a mathematician's prompt (``experts/math/``): the model
writes a script that lets sympy (``solve``, ``nsolve``, ``dsolve``) or scipy
(``optimize``, ``integrate``) find the answer, the sandbox runs it, and a failure
goes back for repair. A script that leaves several roots is asked to keep the one
the sub-task wants, so the answer is one number.
"""

from __future__ import annotations

from peoa.experts.codegen import CodeExpert

__all__ = ["MathExpert"]


class MathExpert(CodeExpert):
    """Solves a mathematical sub-task numerically with sympy or scipy in the sandbox."""

    def libraries(self) -> str:
        # Engineering libraries are no help here; a short list keeps the prompt small.
        return "sympy, scipy, numpy, math"

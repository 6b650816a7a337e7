"""Qt-free logistic-regression maths, data and training (numpy and the standard library only)."""

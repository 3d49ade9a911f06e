package sandbox

// Confine is confine, for the hog children of the limit tests.
var Confine = confine

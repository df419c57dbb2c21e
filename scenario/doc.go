// Package scenario scripts the asynchronous behaviour of a vpcepfake server:
// how long each transition takes, whether it fails or waits for the test.
//
// It does not import the fake; the fake consumes a Policy.
package scenario

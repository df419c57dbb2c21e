package fake

// Version is the release of vpcepfake this package belongs to: the latest
// released section of CHANGELOG.md. GET /_fake/health and the binary's
// -version flag report it.
const Version = "0.1.0"

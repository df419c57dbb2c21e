module github.com/seed42eb3344/vpcepfake/conformance/sdk/gopher098

go 1.25

require (
	github.com/benbjohnson/clock v1.3.5
	github.com/opentelekomcloud/gophertelekomcloud v0.9.8
	github.com/seed42eb3344/vpcepfake v0.0.0
)

require (
	github.com/google/uuid v1.6.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	gopkg.in/yaml.v2 v2.3.0 // indirect
)

replace github.com/seed42eb3344/vpcepfake => ../../..

module github.com/seed42eb3344/vpcepfake/cmd/vpcepfake/iamtest

go 1.25

replace github.com/seed42eb3344/vpcepfake => ../../..

require (
	github.com/opentelekomcloud/gophertelekomcloud v0.9.3
	github.com/seed42eb3344/vpcepfake v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/benbjohnson/clock v1.3.5 // indirect
	github.com/google/uuid v1.6.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	gopkg.in/yaml.v2 v2.3.0 // indirect
)

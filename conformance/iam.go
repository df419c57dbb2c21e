package conformance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Password is an IAM password login, as the OS_* variables of terraform
// and the OTC tools give it.
type Password struct {
	// AuthURL is the IAM endpoint, with or without "/v3"
	// (https://iam.eu-de.otc.t-systems.com/v3).
	AuthURL string
	// UserName and Password log in as a user of the account DomainName.
	UserName, Password, DomainName string
	// ProjectID or else ProjectName ("eu-de") is the project the token is
	// scoped to.
	ProjectID, ProjectName string
}

// issued is what a login returns: the token and whom it is for.
type issued struct {
	id                  string
	projectID, domainID string
}

// issue logs in (POST /v3/auth/tokens).
func (p Password) issue(ctx context.Context, hc *http.Client) (issued, error) {
	project := map[string]any{"id": p.ProjectID}
	if p.ProjectID == "" {
		project = map[string]any{"name": p.ProjectName, "domain": map[string]any{"name": p.DomainName}}
	}
	body := map[string]any{"auth": map[string]any{
		"identity": map[string]any{"methods": []string{"password"}, "password": map[string]any{
			"user": map[string]any{"name": p.UserName, "password": p.Password, "domain": map[string]any{"name": p.DomainName}}}},
		"scope": map[string]any{"project": project},
	}}
	r := NewHTTPClient(iamBase(p.AuthURL), Tenant{}, hc).Do(ctx, http.MethodPost, "/auth/tokens", nil, body)
	if r.Err != nil || r.Status != http.StatusCreated {
		return issued{}, fmt.Errorf("IAM login of %s in %s: %s", p.UserName, p.DomainName, describe(r))
	}
	var tok struct {
		Token struct {
			Project struct {
				ID     string `json:"id"`
				Domain struct {
					ID string `json:"id"`
				} `json:"domain"`
			} `json:"project"`
			User struct {
				Domain struct {
					ID string `json:"id"`
				} `json:"domain"`
			} `json:"user"`
		} `json:"token"`
	}
	if err := remarshal(r.Body, &tok); err != nil {
		return issued{}, fmt.Errorf("IAM login: %w", err)
	}
	t := tok.Token
	out := issued{id: r.Header.Get("X-Subject-Token"), projectID: t.Project.ID, domainID: t.Project.Domain.ID}
	if out.domainID == "" {
		out.domainID = t.User.Domain.ID
	}
	if out.id == "" || out.projectID == "" || out.domainID == "" {
		return issued{}, errors.New("IAM login: the answer lacks X-Subject-Token, the project id or the domain id")
	}
	return out, nil
}

// Login logs in through IAM with p and returns the tenant the token is
// scoped to. Its Auth sends the token and logs in again when the target
// answers 401 (an expired token).
func Login(ctx context.Context, hc *http.Client, p Password) (Tenant, error) {
	tok, err := p.issue(ctx, hc)
	if err != nil {
		return Tenant{}, err
	}
	return Tenant{ProjectID: tok.projectID, DomainID: tok.domainID, Token: tok.id,
		Auth: &login{hc: hc, p: p, token: tok.id}}, nil
}

// ResolveAKSK completes a tenant that signs with AK/SK: the project (by
// id, or else by name) and its domain, as IAM lists them to a request
// signed with the keys (GET /v3/projects).
func ResolveAKSK(ctx context.Context, hc *http.Client, authURL, projectID, projectName string, keys AKSK) (Tenant, error) {
	q := map[string][]string{}
	if projectID == "" {
		q["name"] = []string{projectName}
	}
	r := NewHTTPClient(iamBase(authURL), Tenant{Auth: keys}, hc).Do(ctx, http.MethodGet, "/projects", q, nil)
	if r.Err != nil || r.Status != http.StatusOK {
		return Tenant{}, fmt.Errorf("IAM projects (AK/SK): %s", describe(r))
	}
	var list struct {
		Projects []struct {
			ID       string `json:"id"`
			Name     string `json:"name"`
			DomainID string `json:"domain_id"`
		} `json:"projects"`
	}
	if err := remarshal(r.Body, &list); err != nil {
		return Tenant{}, fmt.Errorf("IAM projects: %w", err)
	}
	for _, p := range list.Projects {
		if p.ID == projectID || projectID == "" && p.Name == projectName {
			keys.ProjectID = p.ID
			return Tenant{ProjectID: p.ID, DomainID: p.DomainID, Auth: keys}, nil
		}
	}
	return Tenant{}, fmt.Errorf("IAM projects: no project %q visible to access key %s", projectID+projectName, keys.AccessKey)
}

// CatalogEndpoint returns the VPCEP API root (without /v1/{project_id})
// that the IAM catalog of tn names (GET /v3/auth/catalog, type "vpcep",
// the public interface).
func CatalogEndpoint(ctx context.Context, hc *http.Client, authURL string, tn Tenant) (string, error) {
	r := NewHTTPClient(iamBase(authURL), tn, hc).Do(ctx, http.MethodGet, "/auth/catalog", nil, nil)
	if r.Err != nil || r.Status != http.StatusOK {
		return "", fmt.Errorf("IAM catalog: %s", describe(r))
	}
	var cat struct {
		Catalog []struct {
			Type      string `json:"type"`
			Endpoints []struct {
				Interface string `json:"interface"`
				URL       string `json:"url"`
			} `json:"endpoints"`
		} `json:"catalog"`
	}
	if err := remarshal(r.Body, &cat); err != nil {
		return "", fmt.Errorf("IAM catalog: %w", err)
	}
	for _, e := range cat.Catalog {
		if e.Type != "vpcep" {
			continue
		}
		for _, ep := range e.Endpoints {
			if ep.Interface == "public" {
				return apiRoot(ep.URL), nil
			}
		}
	}
	return "", errors.New("IAM catalog: no public vpcep endpoint")
}

// apiRoot cuts a catalog URL ("https://vpcep.eu-de.otc.t-systems.com/v1/
// {project_id}") down to the API root the suite's paths start from.
func apiRoot(u string) string {
	u = strings.TrimSuffix(u, "/")
	if i := strings.LastIndex(u, "/v1"); i >= 0 && (i+3 == len(u) || u[i+3] == '/') {
		u = u[:i]
	}
	return u
}

// iamBase is the IAM URL ending in /v3.
func iamBase(authURL string) string {
	u := strings.TrimSuffix(authURL, "/")
	if !strings.HasSuffix(u, "/v3") {
		u += "/v3"
	}
	return u
}

// remarshal decodes a generic JSON object into v.
func remarshal(from map[string]any, v any) error {
	raw, err := json.Marshal(from)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

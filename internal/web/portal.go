package web

import (
	"net/http"

	"github.com/gongkai/gongkai/internal/agency"
)

type agencyNode struct {
	Agency   agency.Agency
	Children []agencyNode
}

type portalHomePage struct {
	Page
	Tree []agencyNode
}

// portalHome lists the agencies, each top-level one with its departments.
func (s *Server) portalHome(w http.ResponseWriter, r *http.Request) error {
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal_home", &portalHomePage{Page: s.page(r, "首页"), Tree: buildTree(all, 0)})
	return nil
}

func buildTree(all []agency.Agency, parent int64) []agencyNode {
	var out []agencyNode
	for _, a := range all {
		if a.ParentID == parent {
			out = append(out, agencyNode{Agency: a, Children: buildTree(all, a.ID)})
		}
	}
	return out
}

func children(all []agency.Agency, parent int64) []agency.Agency {
	var out []agency.Agency
	for _, a := range all {
		if a.ParentID == parent {
			out = append(out, a)
		}
	}
	return out
}

type portalAgencyPage struct {
	Page
	Subject  *agency.Agency
	Parent   *agency.Agency
	Children []agency.Agency
}

// portalAgency shows an agency's public page: its 公开指南 contacts.
func (s *Server) portalAgency(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	p := &portalAgencyPage{Page: s.page(r, a.Name), Subject: a, Children: children(all, a.ID)}
	for i := range all {
		if all[i].ID == a.ParentID {
			p.Parent = &all[i]
		}
	}
	s.render(w, r, http.StatusOK, "portal_agency", p)
	return nil
}

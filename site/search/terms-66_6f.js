tracebriefSearch.terms("fo",{"former":"1"});

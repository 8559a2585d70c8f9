tracebriefSearch.terms("sp",{"spain":"g","spending":"l,1"});
